package org.brexsync.connector.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.brexsync.connector.Connection;
import org.brexsync.connector.internal.ValueStyle;
import org.brexsync.connector.workflow.internal.Template;
import org.immutables.value.Value;

/**
 * One API call of a workflow, as in Oomnitza's API block: method, URL template, headers, body
 * template, a credential reference and response mappings for a positive (2xx) and a negative
 * (error) answer. Templates use {@code {{field}}} placeholders filled from the Oomnitza record and
 * run options (see {@link WorkflowRunner}). The eight Brex presets are instances of this type
 * ({@link Presets#load(String)}); copy one as JSON to change it.
 *
 * <pre>{@code
 * {
 *   "name": "Brex Lock Card",
 *   "method": "POST",
 *   "url": "/v2/cards/{{brex_user_card_id}}/lock",
 *   "credential": {"tokenEnv": "BREX_API_TOKEN"},
 *   "brexOperation": "LOCK_CARD",
 *   "body": {"reason": "{{card_reason}}", "description": "{{card_description|optional}}"},
 *   "positive": [{"field": "api_response", "value": "{{response}}"}],
 *   "negative": [{"field": "api_response", "value": "{{response}}"}]
 * }
 * }</pre>
 *
 * <p>The credential is a {@link Connection}: the name of the environment variable holding the
 * token (never the token) and optionally the base URL; a relative {@code url} is resolved against
 * it, or, without one, against the runner's Brex base URI with the runner's Brex credential.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableApiBlock.class)
@JsonDeserialize(as = ImmutableApiBlock.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class ApiBlock implements WithApiBlock {
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** {@return a readable name, e.g. "Brex Lock Card"} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return GET, POST, PUT, PATCH or DELETE} */
  @JsonProperty("method")
  public abstract String method();

  /**
   * {@return the URL template: a path relative to the base URI (e.g. {@code /v2/users/{{brex_user_id}}}) or an absolute URL}
   */
  @JsonProperty("url")
  public abstract String url();

  /** {@return header templates (values only; names are literal)} */
  @JsonProperty("headers")
  public abstract Map<String, String> headers();

  /** {@return the body template, a JSON document whose strings may hold placeholders} */
  @JsonProperty("body")
  public abstract Optional<JsonNode> body();

  /**
   * {@return where the token comes from (an environment variable name) and optionally the base URL; empty
   * (as in the presets) uses the runner's Brex credential and base URI, whose token is only sent to
   * the Brex origin}
   */
  @JsonProperty("credential")
  public abstract Optional<Connection> credential();

  /** {@return the header carrying the token} */
  @JsonProperty("authHeader")
  @Value.Default
  public String authHeader() {
    return "Authorization";
  }

  /**
   * {@return the scheme before the token ({@code Bearer}); empty sends the raw token (Oomnitza's {@code Authorization2})}
   */
  @JsonProperty("authScheme")
  @Value.Default
  public String authScheme() {
    return "Bearer";
  }

  /** {@return the Brex operation called, which turns on brex-client's checks before sending} */
  @JsonProperty("brexOperation")
  public abstract Optional<BrexOperation> brexOperation();

  /** {@return mappings applied after a 2xx answer} */
  @JsonProperty("positive")
  public abstract List<ResponseMapping> positive();

  /** {@return mappings applied after an error answer (the step still fails)} */
  @JsonProperty("negative")
  public abstract List<ResponseMapping> negative();

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  ApiBlock normalize() {
    String m = method().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(m)) {
      throw new IllegalStateException("api block '" + name() + "': method must be one of " + METHODS);
    }
    if (!m.equals(method())) {
      return withMethod(m);
    }
    Template.parse(url());
    headers().values().forEach(Template::parse);
    headers().keySet().forEach(h -> {
      if (!h.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
        throw new IllegalStateException("api block '" + name() + "': invalid header name '" + h + "'");
      }
    });
    return this;
  }

  /**
   * Builder of {@link ApiBlock}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableApiBlock.Builder {
    Builder() {}
  }
}
