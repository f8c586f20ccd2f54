package org.brexsync.brex;

import java.util.Optional;

/**
 * Brex answered with an error status. Carries the HTTP status, Brex's error {@code type},
 * {@code code} and {@code message}, the {@code X-Brex-Trace-Id} to quote to Brex support, and the
 * request method and path.
 */
public class BrexApiException extends BrexException {
  private static final long serialVersionUID = 1L;

  /** Brex's error type, empty when absent. */
  private final String type;
  /** Brex's error code, empty when absent. */
  private final String code;
  /** Brex's error message, empty when absent. */
  private final String brexMessage;

  /**
   * Creates an exception from the parts of an error response. Empty strings mean "absent".
   *
   * @param message the detail message (never a secret)
   * @param status the HTTP status (0 when no response arrived)
   * @param type Brex's error type, empty when absent
   * @param code the vendor's error code, empty when absent
   * @param brexMessage Brex's error message, empty when absent
   * @param traceId the vendor's trace id, empty when absent
   * @param method the HTTP method of the request
   * @param path the request path, without the query
   */
  public BrexApiException(
      String message, int status, String type, String code, String brexMessage, String traceId,
      String method, String path) {
    super(message, null, status, method, path, traceId);
    this.type = type;
    this.code = code;
    this.brexMessage = brexMessage;
  }

  /** {@return Brex error {@code type}, e.g. {@code UNAUTHORIZED} or {@code NOT_FOUND}} */
  public Optional<String> type() {
    return nonEmpty(type);
  }

  /** {@return Brex error {@code code}, e.g. {@code USER_NOT_FOUND}} */
  public Optional<String> code() {
    return nonEmpty(code);
  }

  /** {@return Brex error {@code message}} */
  public Optional<String> brexMessage() {
    return nonEmpty(brexMessage);
  }

  static Optional<String> nonEmpty(String s) {
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
