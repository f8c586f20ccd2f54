package org.brexsync.oomnitza.internal;

import org.brexsync.oomnitza.OomnitzaConfigurationException;

/** Checks Oomnitza API tokens (the core's check with Oomnitza's hint). Not public API. */
public final class Tokens {
  /** Where an Oomnitza token comes from, for messages. */
  public static final String HINT = "An Oomnitza admin creates an API token under Configuration >"
      + " Security > API tokens; it is usually passed in the OOMNITZA_API_TOKEN environment variable"
      + " (OomnitzaClient.builder().apiToken(System.getenv(\"OOMNITZA_API_TOKEN\"))), or use"
      + " credentials(username, password).";

  private Tokens() {}

  /**
   * The token with surrounding whitespace removed, or an {@link OomnitzaConfigurationException}
   * naming {@code what} when it is null, blank, or has whitespace, control or non-ASCII characters
   * inside. Never echoes the token.
   */
  public static String check(String token, String what) {
    return org.brexsync.http.internal.Tokens.check(token, what, HINT, OomnitzaConfigurationException::new);
  }
}
