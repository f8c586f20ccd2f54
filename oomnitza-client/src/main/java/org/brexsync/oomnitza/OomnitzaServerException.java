package org.brexsync.oomnitza;

/** HTTP 5xx after the retry policy was exhausted (or not retried because the write was not idempotent). */
public class OomnitzaServerException extends OomnitzaApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public OomnitzaServerException(
      int status, String method, String path, String errorMessage, String bodyExcerpt, String traceId) {
    super(status, method, path, errorMessage, bodyExcerpt, traceId);
  }
}
