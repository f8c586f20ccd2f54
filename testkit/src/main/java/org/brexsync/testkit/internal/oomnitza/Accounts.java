package org.brexsync.testkit.internal.oomnitza;

import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.bad;
import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.error;
import static org.brexsync.testkit.internal.oomnitza.OomnitzaConventions.first;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.Router;
import org.brexsync.testkit.internal.SimRequest;
import org.brexsync.testkit.internal.SimResponse;

/**
 * The simulated Oomnitza's accounts and API tokens: {@code POST /api/request_token} (login and
 * password, form-encoded; a new token invalidates the account's previous one), token checks and
 * the actor that writes are recorded under.
 */
final class Accounts {
  private final ConcurrentHashMap<String, String> tokenOwner = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String[]> accounts = new ConcurrentHashMap<>();

  void register(Router r) {
    r.add("POST", "/api/request_token", this::requestToken);
  }

  /** Registers an account; returns its first API token. */
  String addAccount(String username, String password, String token) {
    String[] acc = accounts.computeIfAbsent(username, k -> new String[2]);
    synchronized (acc) {
      if (acc[1] != null) {
        tokenOwner.remove(acc[1]);
      }
      acc[0] = password;
      acc[1] = token;
      tokenOwner.put(token, username);
    }
    return token;
  }

  /** The account owning a valid token, or null. */
  String authenticate(String token) {
    return token == null ? null : tokenOwner.get(token);
  }

  /** Issues a new token for an account, invalidating the previous one; null on bad credentials. */
  String issueToken(String username, String password) {
    String[] acc = username == null ? null : accounts.get(username);
    if (acc == null) {
      return null;
    }
    synchronized (acc) {
      if (!Objects.equals(acc[0], password)) {
        return null;
      }
      if (acc[1] != null) {
        tokenOwner.remove(acc[1]);
      }
      String t = UUID.randomUUID().toString().replace("-", "") + Long.toHexString(ThreadLocalRandom.current().nextLong());
      acc[1] = t;
      tokenOwner.put(t, username);
      return t;
    }
  }

  /** Invalidates a token (as refreshing it in the UI would). */
  void revokeToken(String token) {
    String owner = tokenOwner.remove(token);
    if (owner != null) {
      String[] acc = accounts.get(owner);
      synchronized (acc) {
        if (token.equals(acc[1])) {
          acc[1] = null;
        }
      }
    }
  }

  private SimResponse requestToken(SimRequest req) {
    String ct = req.header("Content-Type");
    if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      throw bad("request_token expects a form-encoded body (login, password)");
    }
    Map<String, List<String>> form = SimRequest.parseQuery(req.bodyText());
    String login = first(form, "login");
    String password = first(form, "password");
    String token = issueToken(login, password);
    if (token == null) {
      throw error(401, "Invalid login or password");
    }
    ObjectNode r = Json.object();
    r.put("token", token);
    return SimResponse.ok(r);
  }

  /** Who a write is recorded as: the account owning the request's token, else {@code api}. */
  String actor(SimRequest req) {
    String owner = authenticate(req.header("Authorization2"));
    return owner == null ? "api" : owner;
  }

  /** Forgets every account and token. */
  void reset() {
    tokenOwner.clear();
    accounts.clear();
  }
}
