package org.brexsync.http.internal;

import java.util.regex.Pattern;

/** The header rules every client's per-call options and the workflow sender apply. Not public API. */
public final class Headers {
  // RFC 9110 token characters.
  private static final Pattern NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private Headers() {}

  /** Whether {@code name} is an HTTP token, as a header name must be. */
  public static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * Index of the first character of {@code value} that cannot be in a header value (a control
   * character other than tab, DEL, or beyond Latin-1), or -1; 0 for null.
   */
  public static int badValueCharacter(String value) {
    if (value == null) {
      return 0;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        return i;
      }
    }
    return -1;
  }
}
