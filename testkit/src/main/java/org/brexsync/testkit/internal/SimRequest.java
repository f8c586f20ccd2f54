package org.brexsync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** One parsed HTTP request as the handlers see it. */
public final class SimRequest {
  private final String method;
  private final String path;
  private final String rawQuery;
  private final Headers headers;
  private final byte[] body;
  private Map<String, List<String>> query;
  private Map<String, String> pathParams = Map.of();
  private String template;
  private JsonNode json;
  private BiFunction<Integer, String, ApiException> errors;

  SimRequest(String method, String path, String rawQuery, Headers headers, byte[] body) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
  }

  void bind(String template, Map<String, String> params) {
    this.template = template;
    this.pathParams = params;
  }

  void errors(BiFunction<Integer, String, ApiException> errors) {
    this.errors = errors;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public String rawQuery() {
    return rawQuery;
  }

  /** The route template that matched, e.g. {@code /v2/users/{id}}; null when none matched. */
  public String template() {
    return template;
  }

  public byte[] body() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public String header(String name) {
    return headers.getFirst(name);
  }

  public Headers headers() {
    return headers;
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  public Map<String, List<String>> query() {
    if (query == null) {
      query = parseQuery(rawQuery);
    }
    return query;
  }

  public String queryParam(String name) {
    List<String> v = query().get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public List<String> queryParams(String name) {
    return query().getOrDefault(name, List.of());
  }

  /** The body as JSON; an empty or malformed body answers 400 in the vendor's error format. */
  public JsonNode json() {
    if (json == null) {
      if (body.length == 0) {
        throw error(400, "Request body is required");
      }
      try {
        json = Json.parse(body);
      } catch (IOException e) {
        throw error(400, "Malformed JSON body");
      }
      if (json == null || json.isMissingNode()) {
        throw error(400, "Request body is required");
      }
    }
    return json;
  }

  /** The body as a JSON object, or an empty object when the body is empty. */
  public ObjectNode jsonObjectOrEmpty() {
    if (body.length == 0) {
      return Json.object();
    }
    return jsonObject();
  }

  public ObjectNode jsonObject() {
    JsonNode n = json();
    if (!n.isObject()) {
      throw error(400, "Request body must be a JSON object");
    }
    return (ObjectNode) n;
  }

  /** A 400-style error in the format of the simulator serving this request. */
  public ApiException error(int status, String message) {
    return errors.apply(status, message);
  }

  /** Decodes {@code a=1&b=2} (a query or a form-encoded body) into values per name. */
  public static Map<String, List<String>> parseQuery(String raw) {
    if (raw == null || raw.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String part : raw.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      out.computeIfAbsent(decode(k), x -> new ArrayList<>(1)).add(decode(v));
    }
    return out;
  }

  static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
