package org.brexsync.connector.filter;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.brexsync.connector.internal.ValueStyle;
import org.brexsync.connector.record.FieldPath;
import org.brexsync.connector.record.RecordView;
import org.immutables.value.Value;

/**
 * One include or exclude rule on a record field, for example {@code status IN [ACTIVE, INVITED]}.
 * An include rule keeps only records that match it; an exclude rule drops records that match it.
 * JSON form: {@code {"field":"status","operator":"IN","values":["ACTIVE","INVITED"]}} (add
 * {@code "exclude":true} to exclude, {@code "ignoreCase":true} for case-insensitive comparison).
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableFilterRule.class)
@JsonDeserialize(as = ImmutableFilterRule.class)
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public abstract class FilterRule implements WithFilterRule {

  /** {@return the path of the field tested, e.g. {@code status} or {@code department.name}} */
  @JsonProperty("field")
  public abstract String field();

  /** {@return the comparison} */
  @JsonProperty("operator")
  public abstract FilterOperator operator();

  /** {@return the comparison values (none for EMPTY / NOT_EMPTY, one for EQUALS / NOT_EQUALS / REGEX)} */
  @JsonProperty("values")
  public abstract List<String> values();

  /** {@return true to drop matching records instead of keeping only them} */
  @JsonProperty("exclude")
  @Value.Default
  public boolean exclude() {
    return false;
  }

  /** {@return true to compare text case-insensitively} */
  @JsonProperty("ignoreCase")
  @Value.Default
  public boolean ignoreCase() {
    return false;
  }

  /**
   * Keeps records whose field is one of the values.
   *
   * @param field the record field to test, a path such as {@code status}
   * @param values the values
   * @return the rule
   */
  public static FilterRule includeIn(String field, String... values) {
    return builder().field(field).operator(FilterOperator.IN).addValues(values).build();
  }

  /**
   * Drops records whose field is one of the values.
   *
   * @param field the record field to test, a path such as {@code status}
   * @param values the values
   * @return the rule
   */
  public static FilterRule excludeIn(String field, String... values) {
    return builder()
        .field(field)
        .operator(FilterOperator.IN)
        .addValues(values)
        .exclude(true)
        .build();
  }

  /** {@return a rule builder} */
  public static Builder builder() {
    return new Builder();
  }

  @JsonIgnore
  @Value.Derived
  FieldPath path() {
    return FieldPath.parse(field());
  }

  @JsonIgnore
  @Value.Lazy
  Pattern pattern() {
    return Pattern.compile(values().get(0), ignoreCase() ? Pattern.CASE_INSENSITIVE : 0);
  }

  @Value.Check
  void check() {
    FieldPath.parse(field());
    switch (operator()) {
      case EQUALS:
      case NOT_EQUALS:
      case REGEX:
        if (values().size() != 1) {
          throw new IllegalStateException(
              "filter on '" + field() + "': operator " + operator() + " needs exactly one value, got " + values().size());
        }
        break;
      case IN:
      case NOT_IN:
        if (values().isEmpty()) {
          throw new IllegalStateException("filter on '" + field() + "': operator " + operator() + " needs at least one value");
        }
        break;
      default:
        if (!values().isEmpty()) {
          throw new IllegalStateException("filter on '" + field() + "': operator " + operator() + " takes no values");
        }
    }
    if (operator() == FilterOperator.REGEX) {
      try {
        Pattern.compile(values().get(0));
      } catch (PatternSyntaxException e) {
        throw new IllegalStateException("filter on '" + field() + "': invalid regex: " + e.getDescription());
      }
    }
  }

  /**
   * {@return whether the record's field satisfies the comparison (ignoring {@link #exclude()})}
   *
   * @param record the record
   */
  public boolean matches(RecordView record) {
    Optional<JsonNode> v = record.get(path());
    Optional<String> text = v.map(n -> n.isValueNode() ? n.asText() : n.toString());
    switch (operator()) {
      case EMPTY:
        return text.map(String::isBlank).orElse(true);
      case NOT_EMPTY:
        return text.map(t -> !t.isBlank()).orElse(false);
      case EQUALS:
        return text.map(t -> eq(t, values().get(0))).orElse(false);
      case NOT_EQUALS:
        return !text.map(t -> eq(t, values().get(0))).orElse(false);
      case IN:
        return text.map(this::in).orElse(false);
      case NOT_IN:
        return !text.map(this::in).orElse(false);
      case REGEX:
        return text.map(t -> pattern().matcher(t).matches()).orElse(false);
      default:
        throw new AssertionError(operator());
    }
  }

  /**
   * {@return whether this rule lets the record pass}
   *
   * @param record the record
   */
  public boolean accepts(RecordView record) {
    return matches(record) != exclude();
  }

  private boolean in(String t) {
    for (String s : values()) {
      if (eq(t, s)) {
        return true;
      }
    }
    return false;
  }

  private boolean eq(String a, String b) {
    return ignoreCase() ? a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)) : a.equals(b);
  }

  /**
   * {@return a readable form, e.g. {@code status IN [ACTIVE, INVITED]} or {@code NOT(email REGEX [.*@test])}}
   */
  public String describe() {
    String s = field() + " " + operator() + (values().isEmpty() ? "" : " " + values());
    return exclude() ? "exclude(" + s + ")" : s;
  }

  /**
   * Builder of {@link FilterRule}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableFilterRule.Builder {
    Builder() {}
  }
}
