package org.brexsync.oomnitza;

/** HTTP 404: the object does not exist (or is not visible to the token's user). */
public class OomnitzaNotFoundException extends OomnitzaApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public OomnitzaNotFoundException(
      int status, String method, String path, String errorMessage, String bodyExcerpt, String traceId) {
    super(status, method, path, errorMessage, bodyExcerpt, traceId);
  }
}
