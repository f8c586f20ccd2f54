package org.brexsync.oomnitza.internal;

import java.util.Optional;

/** Supplies the {@code Authorization2} token; with username/password also obtains and refreshes it. */
public interface Authenticator {
  /** The token (and CSRF token, if any) to send now; logs in on first use if needed. */
  TokenState current(Transport transport);

  /**
   * Called when {@code stale} was rejected with 401. Returns a fresh state, obtained at most once
   * for concurrent callers holding the same stale state; empty if this authenticator cannot
   * refresh (a static API token).
   */
  Optional<TokenState> refresh(Transport transport, TokenState stale);

  /** Secrets to blank out of any diagnostic text. */
  Iterable<String> secrets();

  /** An {@code Authorization2} token plus an optional {@code X-CSRF-Token}. */
  final class TokenState {
    final String token;
    final String csrfToken;

    TokenState(String token, String csrfToken) {
      this.token = token;
      this.csrfToken = csrfToken;
    }

    @Override
    public String toString() {
      return "TokenState{token=****}";
    }
  }
}
