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
public abstract class Connection implements WithConnection {
  private static final java.util.regex.Pattern ENV_NAME =
      java.util.regex.Pattern.compile("[A-Z_][A-Z0-9_]{0,127}");

  /** {@return the API base URL; empty means the client's default (Brex production)} */
  @JsonProperty("baseUrl")
  public abstract Optional<URI> baseUrl();

  /**
   * {@return the name of the environment variable holding the token: upper-case letters, digits and
   * {@code _}, not starting with a digit (POSIX's portable names), e.g. {@code BREX_API_TOKEN}}
   */
  @JsonProperty("tokenEnv")
  public abstract String tokenEnv();

  /**
   * {@return a connection}
   *
   * @param baseUrl the base url
   * @param tokenEnv the token env
   */
  public static Connection of(Optional<URI> baseUrl, String tokenEnv) {
    return builder().baseUrl(baseUrl).tokenEnv(tokenEnv).build();
  }

  /**
   * Resolves the token through an environment lookup (e.g. {@code System::getenv}). Surrounding
   * whitespace is removed (a token written to the variable from a file keeps its newline); empty
   * when the variable is unset or blank.
   *
   * @param env the env
   * @return the string, or empty
   */
  public Optional<String> resolveToken(Function<String, String> env) {
    return Optional.ofNullable(env.apply(tokenEnv())).map(String::strip).filter(s -> !s.isEmpty());
  }

  /**
   * {@return why {@code name} cannot be the name of a token's environment variable, if it cannot} The value
   * itself is never part of the answer: a value in the wrong place is usually the token.
   *
   * @param name the name
   */
  public static Optional<String> tokenEnvProblem(String name) {
    if (name == null || !ENV_NAME.matcher(name).matches()) {
      return Optional.of("tokenEnv must name an environment variable (upper-case letters, digits and '_',"
          + " not starting with a digit, e.g. BREX_API_TOKEN); the value given is not one and is not"
          + " shown, since a value in this place is usually the token itself");
    }
    if (name.length() >= 24 && name.indexOf('_') < 0) {
      return Optional.of("tokenEnv must name an environment variable such as BREX_API_TOKEN; the value"
          + " given looks like a token (long, no '_') and is not shown. Put the token in the variable"
          + " and write the variable's name here");
    }
    return Optional.empty();
  }

  @Value.Check
  void check() {
    tokenEnvProblem(tokenEnv()).ifPresent(p -> {
      throw new IllegalStateException(p);
    });
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link Connection}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableConnection.Builder {
    Builder() {}
  }
}
