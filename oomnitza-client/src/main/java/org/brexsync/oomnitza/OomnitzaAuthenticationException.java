package org.brexsync.oomnitza;

/**
 * HTTP 401 or 403, or a failed username/password exchange. Note that refreshing an API token in
 * Oomnitza (Configuration &gt; Security &gt; API tokens) invalidates the previous token, so a token
 * that worked yesterday may have been replaced by someone else's refresh.
 */
public class OomnitzaAuthenticationException extends OomnitzaApiException {
  private static final long serialVersionUID = 1L;

  static final String HINT =
      "Check the API token or credentials and the permissions of the token's user; note that"
          + " refreshing a token in Oomnitza invalidates the previous one";

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
  public OomnitzaAuthenticationException(
      int status, String method, String path, String errorMessage, String bodyExcerpt, String traceId) {
    super(status, method, path, errorMessage, bodyExcerpt, traceId, HINT);
  }

  /** {@return true for 403: the credentials are valid but the token's user lacks a permission} */
  public boolean isForbidden() {
    return status() == 403;
  }
}
