package org.brexsync.connector.workflow.internal;

import org.brexsync.http.internal.Redactor;

/**
 * Short, safe excerpts of user values for messages: passed through the same {@link Redactor} as
 * every other excerpt, long values cut, digit runs masked. Not API.
 */
public final class Excerpt {
  private Excerpt() {}

  /** At most 60 characters; secrets and secret-shaped values masked, runs of 6+ digits masked like card numbers. */
  public static String of(String value) {
    String s = Redactor.patternsOnly().redact(value).replaceAll("\\d{6,}", "******");
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
