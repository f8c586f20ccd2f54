package org.brexsync.connector.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.connector.internal.ValueStyle;
import org.brexsync.connector.workflow.internal.Template;
import org.immutables.value.Value;

/**
 * Writes one value of an API response back into a field of the Oomnitza record, like the Response
 * tab of an Oomnitza API block. {@code value} is a template over the response:
 * {@code {{response}}} (the whole body, stored as JSON text), {@code {{response.status}}},
 * {@code {{response['items']}}}, {@code {{response.items[0].id}}}, {@code {{response_headers.X-Brex-Trace-Id}}};
 * record fields ({@code {{email}}}) may be used too. A value that resolves to nothing (e.g.
 * {@code items[0]} of an empty list) leaves the field unchanged. JSON form:
 * {@code {"field":"brex_user_card_id","value":"{{response.items[0].id}}"}}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableResponseMapping.class)
@JsonDeserialize(as = ImmutableResponseMapping.class)
public abstract class ResponseMapping implements WithResponseMapping {

  /** {@return the Oomnitza field (External ID) written, e.g. {@code api_response}} */
  @JsonProperty("field")
  public abstract String field();

  /** {@return the value template, e.g. {@code {{response.id}}}} */
  @JsonProperty("value")
  public abstract String value();

  /**
   * {@return a mapping of {@code value} into {@code field}}
   *
   * @param field the Oomnitza field written
   * @param value the value
   */
  public static ResponseMapping of(String field, String value) {
    return builder().field(field).value(value).build();
  }

  /**
   * {@return the whole response body into {@code field} (a long-text field such as "API Response")}
   *
   * @param field the Oomnitza field written
   */
  public static ResponseMapping wholeResponse(String field) {
    return of(field, "{{response}}");
  }

  @Value.Check
  void check() {
    if (!field().matches("[A-Za-z0-9_]+")) {
      throw new IllegalStateException("response mapping field '" + field() + "' is not an Oomnitza External ID");
    }
    Template.parse(value());
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link ResponseMapping}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableResponseMapping.Builder {
    Builder() {}
  }
}
