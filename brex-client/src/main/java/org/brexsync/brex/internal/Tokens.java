package org.brexsync.brex.internal;

import org.brexsync.brex.BrexConfigurationException;

/** Checks Brex API tokens (the core's check with Brex's hint). Not public API. */
public final class Tokens {
  /** Where a Brex token comes from, for messages. */
  public static final String HINT = "An account admin or card admin creates a user token in the Brex"
      + " dashboard under Developer > Settings; it is usually passed in the BREX_API_TOKEN environment"
      + " variable (BrexClient.builder().token(System.getenv(\"BREX_API_TOKEN\"))).";

  private Tokens() {}

  /**
   * The token with surrounding whitespace removed, or a {@link BrexConfigurationException} naming
   * {@code what} when it is null, blank, or has whitespace, control or non-ASCII characters
   * inside. Never echoes the token.
   */
  public static String check(String token, String what) {
    return org.brexsync.http.internal.Tokens.check(token, what, HINT, BrexConfigurationException::new);
  }
}
