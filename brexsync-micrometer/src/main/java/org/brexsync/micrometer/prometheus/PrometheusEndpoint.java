package org.brexsync.micrometer.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Serves a {@link PrometheusMeterRegistry} as a Prometheus scrape endpoint: the Prometheus text
 * format 0.0.4, or OpenMetrics 1.0 when the scraper's {@code Accept} header asks for it. It is a JDK
 * {@link HttpHandler}, so mounting it on a {@code com.sun.net.httpserver.HttpServer} is one call; any
 * other server can use {@link #scrape(String)}.
 *
 * <pre>{@code
 * PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * BrexsyncObservations obs = BrexsyncObservations.of(prometheus);   // hooks for clients and engine
 * server.createContext("/metrics", PrometheusEndpoint.of(prometheus));
 * }</pre>
 *
 * <p>GET and HEAD are answered; any other method is {@code 405} with an {@code Allow} header. Needs
 * {@code io.micrometer:micrometer-registry-prometheus} on the classpath (an optional dependency of
 * this module). Thread-safe.
 */
public final class PrometheusEndpoint implements HttpHandler {
  /** The content type of the Prometheus text format, the default. */
  public static final String TEXT_004 = "text/plain; version=0.0.4; charset=utf-8";
  /** The content type of OpenMetrics text 1.0. */
  public static final String OPENMETRICS_100 = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  private PrometheusEndpoint(PrometheusMeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Creates an endpoint.
   *
   * @param registry the registry whose meters every scrape reads
   * @return an endpoint serving {@code registry}, to mount on a JDK {@code HttpServer}
   */
  public static PrometheusEndpoint of(PrometheusMeterRegistry registry) {
    return new PrometheusEndpoint(registry);
  }

  /**
   * A scrape: what to answer with.
   *
   * @param contentType the {@code Content-Type} of the body: {@link #TEXT_004} or {@link #OPENMETRICS_100}
   * @param body the meters in that format, UTF-8
   */
  public record Scrape(String contentType, byte[] body) {}

  /**
   * The registry's meters in the format {@code accept} asks for: OpenMetrics when it names {@code
   * application/openmetrics-text}, otherwise the Prometheus text format (null or absent means the
   * latter).
   *
   * @param accept the scraper's {@code Accept} header, or {@code null}
   * @return the body and its content type
   */
  public Scrape scrape(String accept) {
    String type = contentType(accept);
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      registry.scrape(out, type);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return new Scrape(type, out.toByteArray());
  }

  /**
   * Chooses the format of a scrape.
   *
   * @param accept the scraper's {@code Accept} header, or {@code null}
   * @return {@link #OPENMETRICS_100} when {@code accept} names {@code application/openmetrics-text},
   *     otherwise {@link #TEXT_004}
   */
  public static String contentType(String accept) {
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text")
        ? OPENMETRICS_100 : TEXT_004;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().put("Allow", List.of("GET, HEAD"));
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Scrape s = scrape(exchange.getRequestHeaders().getFirst("Accept"));
      exchange.getResponseHeaders().put("Content-Type", List.of(s.contentType()));
      exchange.getResponseHeaders().put("Cache-Control", List.of("no-store"));
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, s.body().length == 0 ? -1 : s.body().length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(s.body());
      }
    }
  }
}
