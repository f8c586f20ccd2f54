package org.brexsync.brex;

/** HTTP 5xx from Brex, after the retries allowed by the {@link RetryPolicy}. */
public class BrexServerException extends BrexApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link BrexApiException}. */
  public BrexServerException(
      String message, int status, String type, String code, String brexMessage, String traceId,
      String method, String path) {
    super(message, status, type, code, brexMessage, traceId, method, path);
  }
}
