package org.brexsync.brex;

/** HTTP 403 "Expired token": Brex user tokens expire after a period without any API call (30 days per Brex's FAQ, 90 per its authentication page); create a new one. */
public class BrexTokenExpiredException extends BrexApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link BrexApiException}. */
  public BrexTokenExpiredException(
      String message, int status, String type, String code, String brexMessage, String traceId,
      String method, String path) {
    super(message, status, type, code, brexMessage, traceId, method, path);
  }
}
