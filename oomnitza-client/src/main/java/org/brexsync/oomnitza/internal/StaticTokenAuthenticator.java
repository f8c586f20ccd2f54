package org.brexsync.oomnitza.internal;

import java.util.List;
import java.util.Optional;

/** A fixed API token. A 401 cannot be healed by refreshing. */
public final class StaticTokenAuthenticator implements Authenticator {
  private final TokenState state;

  /** Uses {@code token}. */
  public StaticTokenAuthenticator(String token) {
    this.state = new TokenState(token, null);
  }

  @Override
  public TokenState current(Transport transport) {
    return state;
  }

  @Override
  public Optional<TokenState> refresh(Transport transport, TokenState stale) {
    return Optional.empty();
  }

  @Override
  public Iterable<String> secrets() {
    return List.of(state.token);
  }

  @Override
  public String toString() {
    return "StaticTokenAuthenticator{token=****}";
  }
}
