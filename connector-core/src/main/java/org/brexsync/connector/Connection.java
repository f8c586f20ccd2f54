package org.brexsync.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.brexsync.connector.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * Where a system is and which environment variable holds its API token. Secrets are never part of an
 * integration document: only the variable's name is. JSON form:
 * {@code {"baseUrl":"https://acme.oomnitza.com","tokenEnv":"OOMNITZA_API_TOKEN"}}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableConnection.class)
@JsonDeserialize(as = ImmutableConnection.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public abstract class Connection {

  /** The API base URL; empty means the client's default (Brex production). */
  @JsonProperty("baseUrl")
  public abstract Optional<URI> baseUrl();

  /** The name of the environment variable holding the token. */
  @JsonProperty("tokenEnv")
  public abstract String tokenEnv();

  /** A connection. */
  public static Connection of(Optional<URI> baseUrl, String tokenEnv) {
    return ImmutableConnection.builder().baseUrl(baseUrl).tokenEnv(tokenEnv).build();
  }

  /** Resolves the token through an environment lookup (e.g. {@code System::getenv}). */
  public Optional<String> resolveToken(Function<String, String> env) {
    return Optional.ofNullable(env.apply(tokenEnv())).filter(s -> !s.isBlank());
  }

  @Value.Check
  void check() {
    if (!tokenEnv().matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalStateException("tokenEnv must name an environment variable (letters, digits, '_'), not hold a token");
    }
  }
}
