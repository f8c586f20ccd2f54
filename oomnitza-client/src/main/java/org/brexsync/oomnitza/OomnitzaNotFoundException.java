package org.brexsync.oomnitza;

/** HTTP 404: the object does not exist (or is not visible to the token's user). */
public class OomnitzaNotFoundException extends OomnitzaApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param status the HTTP status (0 when no response arrived)
   * @param method the HTTP method of the request
   * @param path the request path, without the query
   * @param errorMessage the vendor's error message, empty when absent
   * @param bodyExcerpt the start of the response body, secrets redacted
   * @param traceId the vendor's trace id, empty when absent
   */
  public OomnitzaNotFoundException(
      int status, String method, String path, String errorMessage, String bodyExcerpt, String traceId) {
    super(status, method, path, errorMessage, bodyExcerpt, traceId);
  }
}
