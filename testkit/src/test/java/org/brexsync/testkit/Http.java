package org.brexsync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny java.net.http helper for simulator tests. */
final class Http {
  static final ObjectMapper MAPPER = new ObjectMapper();
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  final URI base;
  final String authHeader;
  final String authValue;

  Http(URI base, String authHeader, String authValue) {
    this.base = base;
    this.authHeader = authHeader;
    this.authValue = authValue;
  }

  static Http brex(BrexSimulator sim) {
    return new Http(sim.baseUri(), "Authorization", "Bearer " + sim.token());
  }

  static Http oomnitza(OomnitzaSimulator sim) {
    return new Http(sim.baseUri(), "Authorization2", sim.apiToken());
  }

  Http withAuth(String value) {
    return new Http(base, authHeader, value);
  }

  HttpRequest.Builder req(String pathAndQuery) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(20));
    if (authValue != null) {
      b.header(authHeader, authValue);
    }
    return b;
  }

  Resp get(String path) {
    return send(req(path).GET().build());
  }

  Resp delete(String path) {
    return send(req(path).DELETE().build());
  }

  Resp post(String path, Object body, String... headers) {
    return send(withBody(req(path), "POST", body, headers));
  }

  Resp put(String path, Object body, String... headers) {
    return send(withBody(req(path), "PUT", body, headers));
  }

  Resp patch(String path, Object body, String... headers) {
    return send(withBody(req(path), "PATCH", body, headers));
  }

  static HttpRequest withBody(HttpRequest.Builder b, String method, Object body, String... headers) {
    String json;
    try {
      json = body == null ? "" : body instanceof String ? (String) body : MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    b.header("Content-Type", "application/json");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b.method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
  }

  Resp send(HttpRequest r) {
    try {
      return new Resp(client.send(r, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with its body parsed on demand. */
  static final class Resp {
    final HttpResponse<String> raw;

    Resp(HttpResponse<String> raw) {
      this.raw = raw;
    }

    int status() {
      return raw.statusCode();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String body() {
      return raw.body();
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }

  static com.fasterxml.jackson.databind.node.ObjectNode obj(String json) {
    try {
      return (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
