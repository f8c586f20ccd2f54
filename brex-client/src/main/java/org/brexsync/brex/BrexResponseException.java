package org.brexsync.brex;

/**
 * Brex's response could not be understood: malformed JSON, a missing required field, an
 * unexpected shape, a pager that would loop (a repeated {@code next_cursor}). Carries the status
 * and a short, redacted excerpt of the body (tokens, secret-named fields, CVVs and long digit runs
 * such as card numbers are masked).
 */
public class BrexResponseException extends BrexException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String method;
  private final String path;
  private final String bodyExcerpt;

  /** Creates the exception. */
  public BrexResponseException(
      String message, int status, String method, String path, String bodyExcerpt, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.method = method;
    this.path = path;
    this.bodyExcerpt = bodyExcerpt;
  }

  /** HTTP status of the response (0 when not from a response). */
  public int status() {
    return status;
  }

  /** HTTP method of the request. */
  public String method() {
    return method;
  }

  /** Request path without query. */
  public String path() {
    return path;
  }

  /** The first characters of the body, redacted and digit runs masked. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  static String excerpt(String body) {
    return org.brexsync.brex.internal.Redactor.patternsOnly().excerpt(body);
  }

  static String describe(Throwable e) {
    return org.brexsync.brex.internal.Redactor.patternsOnly().describe(e);
  }
}
