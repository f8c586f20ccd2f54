package org.brexsync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Thrown by handlers to answer with a vendor-shaped error body. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final transient JsonNode body;

  public ApiException(int status, JsonNode body) {
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public JsonNode body() {
    return body;
  }

  /**
   * The upper-case name of an HTTP status ({@code BAD_REQUEST}, {@code NOT_FOUND}, ...): Brex's error
   * {@code type} and the {@code code} of the simulated Oomnitza's errors.
   */
  public static String typeOf(int status) {
    switch (status) {
      case 400: return "BAD_REQUEST";
      case 401: return "UNAUTHORIZED";
      case 403: return "FORBIDDEN";
      case 404: return "NOT_FOUND";
      case 405: return "METHOD_NOT_ALLOWED";
      case 409: return "CONFLICT";
      case 422: return "UNPROCESSABLE_ENTITY";
      case 429: return "TOO_MANY_REQUESTS";
      case 500: return "INTERNAL_SERVER_ERROR";
      case 502: return "BAD_GATEWAY";
      case 503: return "SERVICE_UNAVAILABLE";
      case 504: return "GATEWAY_TIMEOUT";
      default: return "ERROR";
    }
  }
}
