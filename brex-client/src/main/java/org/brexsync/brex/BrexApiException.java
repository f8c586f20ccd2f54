package org.brexsync.brex;

import java.util.Optional;

/**
 * Brex answered with an error status. Carries the HTTP status, Brex's error {@code type},
 * {@code code} and {@code message}, the {@code X-Brex-Trace-Id} to quote to Brex support, and the
 * request method and path.
 */
public class BrexApiException extends BrexException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String code;
  private final String brexMessage;
  private final String traceId;
  private final String method;
  private final String path;

  /** Creates an exception from the parts of an error response. Empty strings mean "absent". */
  public BrexApiException(
      String message, int status, String type, String code, String brexMessage, String traceId,
      String method, String path) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
    this.brexMessage = brexMessage;
    this.traceId = traceId;
    this.method = method;
    this.path = path;
  }

  /** HTTP status code. */
  public int status() {
    return status;
  }

  /** Brex error {@code type}, e.g. {@code UNAUTHORIZED} or {@code NOT_FOUND}. */
  public Optional<String> type() {
    return nonEmpty(type);
  }

  /** Brex error {@code code}, e.g. {@code USER_NOT_FOUND}. */
  public Optional<String> code() {
    return nonEmpty(code);
  }

  /** Brex error {@code message}. */
  public Optional<String> brexMessage() {
    return nonEmpty(brexMessage);
  }

  /** The {@code X-Brex-Trace-Id} response header; quote it to Brex support. */
  public Optional<String> traceId() {
    return nonEmpty(traceId);
  }

  /** HTTP method of the failed request. */
  public String method() {
    return method;
  }

  /** Path of the failed request, without the query string. */
  public String path() {
    return path;
  }

  static Optional<String> nonEmpty(String s) {
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
