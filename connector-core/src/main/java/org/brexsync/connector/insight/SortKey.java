package org.brexsync.connector.insight;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.connector.internal.ValueStyle;
import org.brexsync.connector.record.FieldPath;
import org.immutables.value.Value;

/**
 * One sort key of a {@link ListView}: numbers compare numerically (money by amount), other values
 * as case-insensitive text; missing values sort last. JSON: {@code {"field":"email"}} or
 * {@code {"field":"spend_controls.spend_limit.amount","descending":true}}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableSortKey.class)
@JsonDeserialize(as = ImmutableSortKey.class)
@JsonIgnoreProperties(ignoreUnknown = false)
public abstract class SortKey implements WithSortKey {

  /** {@return the field path sorted on} */
  @JsonProperty("field")
  public abstract String field();

  /** {@return true for largest first} */
  @JsonProperty("descending")
  @Value.Default
  public boolean descending() {
    return false;
  }

  /**
   * {@return ascending on a field}
   *
   * @param field the record field to sort by
   */
  public static SortKey asc(String field) {
    return builder().field(field).build();
  }

  /**
   * {@return descending on a field}
   *
   * @param field the record field to sort by
   */
  public static SortKey desc(String field) {
    return builder().field(field).descending(true).build();
  }

  @Value.Check
  void check() {
    FieldPath.parse(field());
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link SortKey}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableSortKey.Builder {
    Builder() {}
  }
}
