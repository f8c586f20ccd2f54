package org.brexsync.brex.internal;

import java.util.regex.Pattern;

/** Short, masked excerpts of bodies and parser messages for exception messages. */
public final class Excerpts {
  private static final Pattern LONG_DIGITS = Pattern.compile("\\d{6,}");
  private static final int EXCERPT = 200;

  private Excerpts() {}

  /** The first 200 characters, whitespace collapsed, runs of 6+ digits masked. */
  public static String excerpt(String body) {
    if (body == null) {
      return "";
    }
    String s = body.length() > EXCERPT ? body.substring(0, EXCERPT) + "..." : body;
    return LONG_DIGITS.matcher(s).replaceAll("****").replaceAll("\\s+", " ").trim();
  }

  /** Class and first line of a parser message, digit runs masked (Jackson quotes input). */
  public static String describe(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    return e.getClass().getSimpleName() + ": " + LONG_DIGITS.matcher(m).replaceAll("****");
  }
}
