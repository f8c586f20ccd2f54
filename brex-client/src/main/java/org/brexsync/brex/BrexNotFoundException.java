package org.brexsync.brex;

/** HTTP 404: the user, card or other object does not exist (or is not visible to this token). */
public class BrexNotFoundException extends BrexApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link BrexApiException}. */
  public BrexNotFoundException(
      String message, int status, String type, String code, String brexMessage, String traceId,
      String method, String path) {
    super(message, status, type, code, brexMessage, traceId, method, path);
  }
}
