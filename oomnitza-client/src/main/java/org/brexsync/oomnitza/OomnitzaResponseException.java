package org.brexsync.oomnitza;

/**
 * Oomnitza answered with a success status but a body this client cannot read (malformed JSON, an
 * unexpected shape). The message names the method, path and what was expected; never the body.
 */
public class OomnitzaResponseException extends OomnitzaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param status the HTTP status (0 when no response arrived)
   * @param method the HTTP method of the request
   * @param path the request path, without the query
   * @param problem the problem
   * @param cause the underlying failure, or null
   */
  public OomnitzaResponseException(int status, String method, String path, String problem, Throwable cause) {
    super("Oomnitza " + method + " " + path + " (HTTP " + status + "): unreadable response: " + problem,
        cause, status, method, path, null);
  }
}
