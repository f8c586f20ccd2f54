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
}
