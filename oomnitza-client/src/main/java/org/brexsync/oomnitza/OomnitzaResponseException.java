package org.brexsync.oomnitza;

/**
 * Oomnitza answered with a success status but a body this client cannot read (malformed JSON, an
 * unexpected shape). The message names the method, path and what was expected; never the body.
 */
public class OomnitzaResponseException extends OomnitzaException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;

  /** Creates the exception. */
  public OomnitzaResponseException(int status, String method, String path, String problem, Throwable cause) {
    super("Oomnitza " + method + " " + path + " (HTTP " + status + "): unreadable response: " + problem, cause);
    this.status = status;
    this.method = method;
    this.path = path;
  }

  /** HTTP status of the response. */
  public int status() {
    return status;
  }

  /** HTTP method of the request. */
  public String method() {
    return method;
  }

  /** Path of the request, without query string. */
  public String path() {
    return path;
  }
}
