package org.brexsync.oomnitza;

/**
 * HTTP 400 or 422: Oomnitza rejected the request; {@link #errorMessage()} carries its reason.
 *
 * @deprecated The name reads like a client-side check (as {@code BrexValidationException} and
 *     {@link OomnitzaArgumentException} are) but this is the server's own answer: catch {@link
 *     OomnitzaBadRequestException}. The client still throws this subclass, so existing {@code
 *     catch (OomnitzaValidationException e)} blocks keep working until it is removed.
 */
@Deprecated(since = "0.1.0")
public class OomnitzaValidationException extends OomnitzaBadRequestException {
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
  public OomnitzaValidationException(
      int status, String method, String path, String errorMessage, String bodyExcerpt, String traceId) {
    super(status, method, path, errorMessage, bodyExcerpt, traceId);
  }
}
