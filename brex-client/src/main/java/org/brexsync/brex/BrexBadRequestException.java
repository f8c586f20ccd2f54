package org.brexsync.brex;

/** HTTP 400 (or another 4xx not covered by a subtype): Brex rejected the request, e.g. non-ASCII free text or an unsupported {@code expand[]}. */
public class BrexBadRequestException extends BrexApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link BrexApiException}. */
  public BrexBadRequestException(
      String message, int status, String type, String code, String brexMessage, String traceId,
      String method, String path) {
    super(message, status, type, code, brexMessage, traceId, method, path);
  }
}
