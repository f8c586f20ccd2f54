package org.brexsync.brex;

import org.brexsync.brex.internal.Tokens;

/**
 * Supplies the bearer token for each request, so tokens can be rotated without rebuilding the
 * client. Called once per attempt; must be thread-safe and fast (cache the token). Each token is
 * checked before it goes into a header: surrounding whitespace (a trailing newline from a file) is
 * removed, and a missing or blank token, or one with whitespace or control characters inside, is
 * a {@link BrexConfigurationException} that never shows the token.
 */
@FunctionalInterface
public interface TokenProvider {
  /** {@return the current token, e.g. {@code bxt_...}} */
  String token();

  /**
   * {@return a provider of one fixed token, checked now} Its {@code toString} does not reveal the token.
   *
   * @param token the token
   * @throws BrexConfigurationException when the token is null, blank or malformed (not echoed)
   */
  static TokenProvider of(String token) {
    String checked = Tokens.check(token, "The Brex API token");
    return new TokenProvider() {
      @Override
      public String token() {
        return checked;
      }

      @Override
      public String toString() {
        return "TokenProvider[****]";
      }
    };
  }
}
