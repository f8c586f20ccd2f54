package org.brexsync.oomnitza;

import java.util.Optional;

/**
 * Oomnitza answered with an HTTP error status. Carries the status, the request method and path
 * (never the query string, which may hold filter values), Oomnitza's error message when the body
 * had one, a short body excerpt, and a trace id when the response carried one.
 */
public class OomnitzaApiException extends OomnitzaException {
  private static final long serialVersionUID = 1L;

  /** Oomnitza's error message, empty when absent. */
  private final String errorMessage;
  /** The start of the response body, secrets redacted. */
  private final String bodyExcerpt;

  /**
   * Creates an API exception; {@code errorMessage}, {@code bodyExcerpt}, {@code traceId} may be null.
   *
   * @param status the HTTP status (0 when no response arrived)
   * @param method the HTTP method of the request
   * @param path the request path, without the query
   * @param errorMessage the vendor's error message, empty when absent
   * @param bodyExcerpt the start of the response body, secrets redacted
   * @param traceId the vendor's trace id, empty when absent
   */
  public OomnitzaApiException(
      int status, String method, String path, String errorMessage, String bodyExcerpt, String traceId) {
    this(status, method, path, errorMessage, bodyExcerpt, traceId, null);
  }

  /**
   * Creates an API exception with a hint appended to the message.
   *
   * @param status the HTTP status (0 when no response arrived)
   * @param method the HTTP method of the request
   * @param path the request path, without the query
   * @param errorMessage the vendor's error message, empty when absent
   * @param bodyExcerpt the start of the response body, secrets redacted
   * @param traceId the vendor's trace id, empty when absent
   * @param hint the hint
   */
  protected OomnitzaApiException(
      int status,
      String method,
      String path,
      String errorMessage,
      String bodyExcerpt,
      String traceId,
      String hint) {
    super(format(status, method, path, errorMessage, traceId, hint), null, status, method, path, traceId);
    this.errorMessage = errorMessage;
    this.bodyExcerpt = bodyExcerpt;
  }

  private static String format(
      int status, String method, String path, String errorMessage, String traceId, String hint) {
    StringBuilder sb = new StringBuilder();
    sb.append("Oomnitza ").append(method).append(' ').append(path).append(" failed: HTTP ").append(status);
    if (errorMessage != null && !errorMessage.isBlank()) {
      sb.append(": ").append(errorMessage);
    }
    if (traceId != null) {
      sb.append(" (trace id ").append(traceId).append(')');
    }
    if (hint != null) {
      sb.append(". ").append(hint);
    }
    return sb.toString();
  }

  /**
   * {@return Oomnitza's error text when the body carried one (e.g. {@code error}, {@code message}, {@code errors})}
   */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(errorMessage);
  }

  /** {@return the first characters of the response body (bounded), for diagnostics} */
  public Optional<String> bodyExcerpt() {
    return Optional.ofNullable(bodyExcerpt);
  }
}
