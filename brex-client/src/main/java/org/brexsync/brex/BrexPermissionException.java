package org.brexsync.brex;

/** HTTP 403 other than an expired token: the token lacks a scope, or its user lacks a role (most endpoints need an account admin or card admin), or the account lacks a feature. */
public class BrexPermissionException extends BrexApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link BrexApiException}. */
  public BrexPermissionException(
      String message, int status, String type, String code, String brexMessage, String traceId,
      String method, String path) {
    super(message, status, type, code, brexMessage, traceId, method, path);
  }
}
