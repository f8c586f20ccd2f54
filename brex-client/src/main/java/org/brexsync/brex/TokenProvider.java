package org.brexsync.brex;

import java.util.Objects;

/**
 * Supplies the bearer token for each request, so tokens can be rotated without rebuilding the
 * client. Called once per attempt; must be thread-safe and fast (cache the token).
 */
@FunctionalInterface
public interface TokenProvider {
  /** The current token, e.g. {@code bxt_...}. */
  String token();

  /** A provider of one fixed token. Its {@code toString} does not reveal the token. */
  static TokenProvider of(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token is blank");
    }
    return new TokenProvider() {
      @Override
      public String token() {
        return token;
      }

      @Override
      public String toString() {
        return "TokenProvider[****]";
      }
    };
  }
}
