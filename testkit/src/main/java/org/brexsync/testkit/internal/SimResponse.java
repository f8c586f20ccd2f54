package org.brexsync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response a handler produced, before faults are applied to it. */
public final class SimResponse {
  private static final byte[] EMPTY = new byte[0];

  final int status;
  final byte[] body;
  final String contentType;
  final Map<String, String> headers = new LinkedHashMap<>();

  private SimResponse(int status, byte[] body, String contentType) {
    this.status = status;
    this.body = body;
    this.contentType = contentType;
  }

  public static SimResponse json(int status, JsonNode body) {
    return new SimResponse(status, Json.bytes(body), "application/json");
  }

  public static SimResponse ok(JsonNode body) {
    return json(200, body);
  }

  public static SimResponse empty(int status) {
    return new SimResponse(status, EMPTY, null);
  }

  public static SimResponse raw(int status, String body, String contentType) {
    return new SimResponse(status, body.getBytes(StandardCharsets.UTF_8), contentType);
  }

  public SimResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** A copy with the same status, body and headers. */
  public SimResponse copy() {
    SimResponse c = new SimResponse(status, body, contentType);
    c.headers.putAll(headers);
    return c;
  }

  public int status() {
    return status;
  }

  public byte[] body() {
    return body;
  }
}
