package org.brexsync.brex;

/** HTTP 401: the token is invalid or revoked. An account admin or card admin creates a new user token under Developer settings in the Brex dashboard. */
public class BrexAuthenticationException extends BrexApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link BrexApiException}. */
  public BrexAuthenticationException(
      String message, int status, String type, String code, String brexMessage, String traceId,
      String method, String path) {
    super(message, status, type, code, brexMessage, traceId, method, path);
  }
}
