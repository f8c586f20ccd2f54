package org.brexsync.oomnitza.internal;

import org.brexsync.oomnitza.OomnitzaConfigurationException;

/** Checks API tokens before they go into a header. Not public API. */
public final class Tokens {
  /** Where an Oomnitza token comes from, for messages. */
  public static final String HINT = "An Oomnitza admin creates an API token under Configuration >"
      + " Security > API tokens; it is usually passed in the OOMNITZA_API_TOKEN environment variable"
      + " (OomnitzaClient.builder().apiToken(System.getenv(\"OOMNITZA_API_TOKEN\"))), or use"
      + " credentials(username, password).";

  private Tokens() {}

  /**
   * The token with surrounding whitespace removed (a trailing newline from a file or a paste is
   * the usual case), or an {@link OomnitzaConfigurationException} naming {@code what} when it is
   * null, blank, or has whitespace, control or non-ASCII characters inside. Never echoes the token.
   */
  public static String check(String token, String what) {
    if (token == null) {
      throw new OomnitzaConfigurationException(what + " is missing (null). " + HINT);
    }
    String t = token.strip();
    if (t.isEmpty()) {
      throw new OomnitzaConfigurationException(what + " is blank. " + HINT);
    }
    int bad = firstBadCharacter(t);
    if (bad >= 0) {
      char c = t.charAt(bad);
      throw new OomnitzaConfigurationException(what + " contains a "
          + (Character.isWhitespace(c) ? "whitespace" : Character.isISOControl(c) ? "control" : "non-ASCII")
          + " character at position " + (bad + 1) + " of " + t.length()
          + " (the token is not shown); a token is one word of visible ASCII characters. Check how it"
          + " was copied or read (a second line, quotes, a stray space). " + HINT);
    }
    return t;
  }

  /** Index of the first character that cannot be in a token, or -1. */
  public static int firstBadCharacter(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return i;
      }
    }
    return -1;
  }
}
