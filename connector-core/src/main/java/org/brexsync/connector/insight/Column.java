package org.brexsync.connector.insight;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.connector.internal.ValueStyle;
import org.brexsync.connector.record.FieldPath;
import org.immutables.value.Value;

/**
 * One column of a {@link ListView}: a field path of the row, its label, format and contribution to
 * subtotals. JSON: {@code {"field":"spend_controls.spend_limit","label":"Limit","format":"MONEY",
 * "aggregate":"SUM"}}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableColumn.class)
@JsonDeserialize(as = ImmutableColumn.class)
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public abstract class Column implements WithColumn {

  /** {@return the field path, e.g. {@code email}, {@code department.name}, {@code oomnitza.suspended}} */
  @JsonProperty("field")
  public abstract String field();

  /** {@return the heading; defaults to the field path} */
  @JsonProperty("label")
  public abstract Optional<String> label();

  /** {@return how values are shown} */
  @JsonProperty("format")
  @Value.Default
  public ColumnFormat format() {
    return ColumnFormat.TEXT;
  }

  /** {@return for MONEY columns whose value is a plain number of minor units: the path of its currency} */
  @JsonProperty("currencyField")
  public abstract Optional<String> currencyField();

  /** {@return contribution to subtotals and totals} */
  @JsonProperty("aggregate")
  @Value.Default
  public Aggregate aggregate() {
    return Aggregate.NONE;
  }

  /** {@return the label, or the field path when no label is set} */
  public String heading() {
    return label().orElse(field());
  }

  /**
   * {@return a column of a field with a label}
   *
   * @param field the record field shown in the column, a path such as {@code email}
   * @param label the label
   */
  public static Column of(String field, String label) {
    return builder().field(field).label(label).build();
  }

  /** {@return a column builder} */
  public static Builder builder() {
    return new Builder();
  }

  @Value.Check
  void check() {
    FieldPath.parse(field());
    currencyField().ifPresent(FieldPath::parse);
  }

  /**
   * Builder of {@link Column}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableColumn.Builder {
    Builder() {}
  }
}
