package org.brexsync.oomnitza.internal;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A successful (2xx) response. */
public final class Response {
  final int status;
  final HttpHeaders headers;
  final byte[] body;
  final Call call;

  Response(int status, HttpHeaders headers, byte[] body, Call call) {
    this.status = status;
    this.headers = headers;
    this.body = body == null ? new byte[0] : body;
    this.call = call;
  }

  /** HTTP status. */
  public int status() {
    return status;
  }

  /** Response headers. */
  public HttpHeaders headers() {
    return headers;
  }

  /** Raw body. */
  public byte[] body() {
    return body;
  }

  /** True if the body is empty or whitespace. */
  public boolean isBlank() {
    return new String(body, StandardCharsets.UTF_8).isBlank();
  }

  /** The call that produced this response. */
  public Call call() {
    return call;
  }
}
