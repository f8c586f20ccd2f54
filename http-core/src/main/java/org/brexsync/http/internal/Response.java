package org.brexsync.http.internal;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One HTTP answer to a {@link Call}. Not public API. */
public final class Response {
  private final int status;
  private final HttpHeaders headers;
  private final byte[] body;
  private final Call call;
  private final String path;
  private final String traceId;
  private final int attempt;

  Response(int status, HttpHeaders headers, byte[] body, Call call, String path, String traceId,
      int attempt) {
    this.status = status;
    this.headers = headers;
    this.body = body == null ? new byte[0] : body;
    this.call = call;
    this.path = path;
    this.traceId = traceId;
    this.attempt = attempt;
  }

  /** Which attempt of the call this answers (1 for the first). */
  public int attempt() {
    return attempt;
  }

  /** HTTP status. */
  public int status() {
    return status;
  }

  /** Response headers. */
  public HttpHeaders headers() {
    return headers;
  }

  /** Raw body (never null). */
  public byte[] body() {
    return body;
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** True if the body is empty or whitespace. */
  public boolean isBlank() {
    return text().isBlank();
  }

  /** The call that produced this response. */
  public Call call() {
    return call;
  }

  /** The call's path, redacted: the form every message and log line uses. */
  public String path() {
    return path;
  }

  /** The server's trace id (redacted), when one of the configured headers carried it. */
  public Optional<String> traceId() {
    return Optional.ofNullable(traceId);
  }
}
