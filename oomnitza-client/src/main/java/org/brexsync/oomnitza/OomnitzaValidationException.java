package org.brexsync.oomnitza;

/** HTTP 400 or 422: Oomnitza rejected the request; {@link #errorMessage()} carries its reason. */
public class OomnitzaValidationException extends OomnitzaApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public OomnitzaValidationException(
      int status, String method, String path, String errorMessage, String bodyExcerpt, String traceId) {
    super(status, method, path, errorMessage, bodyExcerpt, traceId);
  }
}
