package org.brexsync.oomnitza.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.brexsync.http.internal.Call;
import org.brexsync.http.internal.Response;
import org.brexsync.oomnitza.OomnitzaResponseException;

/**
 * Exchanges username/password for a token ({@code POST /api/request_token}, form-encoded
 * {@code login=&password=}, answer {@code {"token": "..."}}) on first use and again when a token is
 * rejected. Thread-safe; concurrent 401s with the same stale token cause one exchange only.
 */
public final class PasswordAuthenticator implements Authenticator {
  private final String username;
  private final String password;
  private final String path;
  private final boolean echoCsrf;
  private final Object lock = new Object();
  private volatile TokenState state;

  /** Uses {@code username}/{@code password} against {@code path}. */
  public PasswordAuthenticator(String username, String password, String path, boolean echoCsrf) {
    this.username = username;
    this.password = password;
    this.path = path;
    this.echoCsrf = echoCsrf;
  }

  @Override
  public TokenState current(Transport transport) {
    TokenState s = state;
    if (s != null) {
      return s;
    }
    synchronized (lock) {
      if (state == null) {
        state = login(transport);
      }
      return state;
    }
  }

  @Override
  public Optional<TokenState> refresh(Transport transport, TokenState stale) {
    synchronized (lock) {
      // Another thread already replaced the stale token: use its result instead of logging in again.
      if (state != null && state != stale) {
        return Optional.of(state);
      }
      state = login(transport);
      return Optional.of(state);
    }
  }

  private TokenState login(Transport transport) {
    String form = "login=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    Call call = Call.of("POST", path)
        .operation(Call.operationOf("POST", path))
        .form(form.getBytes(StandardCharsets.UTF_8))
        .idempotency(Call.Idempotency.IDEMPOTENT)
        .unauthenticated()
        .build();
    Response r = transport.execute(call);
    JsonNode body = transport.readTree(r);
    JsonNode token = body.path("token");
    if (!token.isTextual() || token.asText().isBlank()) {
      throw new OomnitzaResponseException(r.status(), "POST", path, "no \"token\" in the token response", null);
    }
    String t = token.asText().strip();
    if (org.brexsync.http.internal.Tokens.firstBadCharacter(t) >= 0) {
      // never echoed: it would be a usable token if the check were wrong
      throw new OomnitzaResponseException(r.status(), "POST", path,
          "the \"token\" of the token response has whitespace or control characters inside", null);
    }
    String csrf = echoCsrf ? r.headers().firstValue("X-CSRF-Token").orElse(null) : null;
    return new TokenState(t, csrf);
  }

  @Override
  public Iterable<String> secrets() {
    TokenState s = state;
    return s == null ? List.of(password) : List.of(password, s.token);
  }

  @Override
  public String toString() {
    return "PasswordAuthenticator{username=" + username + ", password=****}";
  }
}
