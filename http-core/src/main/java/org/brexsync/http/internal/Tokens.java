package org.brexsync.http.internal;

import java.util.function.Function;

/** Checks API tokens before they go into a header. Not public API. */
public final class Tokens {
  private Tokens() {}

  /**
   * The token with surrounding whitespace removed (a trailing newline from a file or a paste is
   * the usual case), or the client's configuration exception made by {@code error}, naming {@code
   * what} and followed by {@code hint} (where the vendor's tokens come from), when it is null,
   * blank, or has whitespace, control or non-ASCII characters inside. Never echoes the token.
   */
  public static String check(String token, String what, String hint,
      Function<String, ? extends RuntimeException> error) {
    if (token == null) {
      throw error.apply(what + " is missing (null). " + hint);
    }
    String t = token.strip();
    if (t.isEmpty()) {
      throw error.apply(what + " is blank. " + hint);
    }
    int bad = firstBadCharacter(t);
    if (bad >= 0) {
      char c = t.charAt(bad);
      throw error.apply(what + " contains a "
          + (Character.isWhitespace(c) ? "whitespace" : Character.isISOControl(c) ? "control" : "non-ASCII")
          + " character at position " + (bad + 1) + " of " + t.length()
          + " (the token is not shown); a token is one word of visible ASCII characters. Check how it"
          + " was copied or read (a second line, quotes, a stray space). " + hint);
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
