package org.brexsync.connector.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.connector.internal.ValueStyle;
import org.immutables.value.Value;

/** One field-level difference: the Oomnitza field, its current value (if any) and the new value (empty = clear). */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableFieldChange.class)
@JsonDeserialize(as = ImmutableFieldChange.class)
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT)
public interface FieldChange extends WithFieldChange {
  /** {@return the Oomnitza field (external id)} */
  @JsonProperty("field")
  String field();

  /** {@return the value in Oomnitza before the write; empty when unknown or empty} */
  @JsonProperty("from")
  Optional<JsonNode> from();

  /** {@return the value written; empty means the field is cleared} */
  @JsonProperty("to")
  Optional<JsonNode> to();

  /**
   * {@return a change}
   *
   * @param field the target field that changes
   * @param from the old value
   * @param to the new value
   */
  static FieldChange of(String field, Optional<JsonNode> from, Optional<JsonNode> to) {
    return builder().field(field).from(from).to(to).build();
  }

  /** {@return a new, empty builder} */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link FieldChange}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  final class Builder extends ImmutableFieldChange.Builder {
    Builder() {}
  }
}
