package org.brexsync.brex;

/**
 * Brex's response could not be understood: malformed JSON, a missing required field, an
 * unexpected shape, a pager that would loop (a repeated {@code next_cursor}). Carries the status
 * and a short, redacted excerpt of the body (tokens, secret-named fields, CVVs and long digit runs
 * such as card numbers are masked).
 */
public class BrexResponseException extends BrexException {
  private static final long serialVersionUID = 1L;

  /** The start of the unreadable body, secrets redacted. */
  private final String bodyExcerpt;

  /**
   * Creates the exception.
   *
   * @param message the detail message (never a secret)
   * @param status the HTTP status (0 when no response arrived)
   * @param method the HTTP method of the request
   * @param path the request path, without the query
   * @param bodyExcerpt the start of the response body, secrets redacted
   * @param cause the underlying failure, or null
   */
  public BrexResponseException(
      String message, int status, String method, String path, String bodyExcerpt, Throwable cause) {
    super(message, cause, status, method, path, null);
    this.bodyExcerpt = bodyExcerpt;
  }

  /** {@return the first characters of the body, redacted and digit runs masked} */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  static String excerpt(String body) {
    return org.brexsync.http.internal.Redactor.patternsOnly().excerpt(body);
  }

  static String describe(Throwable e) {
    return org.brexsync.http.internal.Redactor.patternsOnly().describe(e);
  }
}
