package org.brexsync.brex;

import java.util.Optional;

/**
 * Brex answered with an error status. Carries the HTTP status, Brex's error {@code type},
 * {@code code} and {@code message}, the {@code X-Brex-Trace-Id} to quote to Brex support, and the
 * request method and path.
 */
public class BrexApiException extends BrexException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String code;
  private final String brexMessage;

  /** Creates an exception from the parts of an error response. Empty strings mean "absent". */
  public BrexApiException(
      String message, int status, String type, String code, String brexMessage, String traceId,
      String method, String path) {
    super(message, null, status, method, path, traceId);
    this.type = type;
    this.code = code;
    this.brexMessage = brexMessage;
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

  static Optional<String> nonEmpty(String s) {
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}
