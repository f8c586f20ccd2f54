package org.brexsync.connector.workflow;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.RateLimiter;
import org.brexsync.connector.Connection;
import org.brexsync.connector.workflow.internal.HttpSender;

/** What steps need to send: the Brex base URI and credential, the environment, the clients. */
final class Services {
  final URI brexBaseUri;
  final Connection brexCredential;
  final Function<String, String> env;
  final Supplier<BrexClient> brex;
  final HttpSender http;
  final RateLimiter brexLimiter;
  final RateLimiter cardCreationLimiter;

  Services(URI brexBaseUri, Connection brexCredential, Function<String, String> env,
      Supplier<BrexClient> brex, HttpSender http, RateLimiter brexLimiter, RateLimiter cardCreationLimiter) {
    this.brexLimiter = brexLimiter;
    this.cardCreationLimiter = cardCreationLimiter;
    this.brexBaseUri = brexBaseUri;
    this.brexCredential = brexCredential;
    this.env = env;
    this.brex = brex;
    this.http = http;
  }

  /** The token of a credential, or a clear error naming the variable (never a value). */
  String token(Connection credential) {
    Optional<String> t = credential.resolveToken(env);
    return t.orElseThrow(() -> new WorkflowException(
        "environment variable " + credential.tokenEnv() + " (the API token) is not set"));
  }

  /** Joins a base URI and a path (with optional query). */
  static URI join(URI base, String pathAndQuery) {
    String b = base.toString();
    if (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    return URI.create(b + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery);
  }
}
