package org.brexsync.brex;

/** HTTP 404: the user, card or other object does not exist (or is not visible to this token). */
public class BrexNotFoundException extends BrexApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; see {@link BrexApiException}.
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
  public BrexNotFoundException(
      String message, int status, String type, String code, String brexMessage, String traceId,
      String method, String path) {
    super(message, status, type, code, brexMessage, traceId, method, path);
  }
}
