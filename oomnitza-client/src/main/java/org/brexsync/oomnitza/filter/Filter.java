package org.brexsync.oomnitza.filter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.brexsync.oomnitza.ExternalId;

/**
 * An immutable expression in Oomnitza's REST v3 filter language ({@code ?filter=}). Field names are
 * {@link ExternalId}s (letters, digits, {@code _} only); every text value is quoted and escaped by
 * the {@link FilterSyntax}, so no value can end its literal early, add a condition or widen a
 * query. Compound operands are parenthesised.
 *
 * <pre>{@code
 * Filter f = Filter.eq("email", "a@b.c").and(Filter.in("position", "Engineer", "Manager"));
 * f.toExpression();   // (email eq "a@b.c") and (position IN ["Engineer","Manager"])
 * f.toUrlEncoded();   // the same, percent-encoded for a query string
 * }</pre>
 *
 * <p>Numbers, booleans, {@link Instant}s (as Unix seconds) and {@link LocalDate}s (per
 * {@link FilterSyntax#datePattern()}) are written unquoted. A {@code %} in {@link #eq} is a
 * literal character; in {@link #like} it is the wildcard the caller meant.
 */
public abstract class Filter {

  Filter() {}

  // ---- comparisons -------------------------------------------------------------------------

  /**
   * {@return {@code field eq "value"}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param value the value
   */
  public static Filter eq(String field, String value) {
    return compare(field, "eq", Value.text(value));
  }

  /**
   * {@return {@code field eq "value"}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param value the value
   */
  public static Filter eq(ExternalId field, String value) {
    return compare(field, "eq", Value.text(value));
  }

  /**
   * {@return {@code field eq 42}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param value the value
   */
  public static Filter eq(String field, long value) {
    return compare(field, "eq", Value.raw(Long.toString(value)));
  }

  /**
   * {@return {@code field eq true}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param value the value
   */
  public static Filter eq(String field, boolean value) {
    return compare(field, "eq", Value.raw(Boolean.toString(value)));
  }

  /**
   * {@return {@code field ne "value"}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param value the value
   */
  public static Filter ne(String field, String value) {
    return compare(field, "ne", Value.text(value));
  }

  /**
   * {@return {@code field gt 42}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param value the value
   */
  public static Filter gt(String field, long value) {
    return compare(field, "gt", Value.raw(Long.toString(value)));
  }

  /**
   * {@return {@code field gt <unix seconds>}, as the official connector filters on {@code creation_date}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param value the value
   */
  public static Filter gt(String field, Instant value) {
    return compare(field, "gt", Value.raw(Long.toString(value.getEpochSecond())));
  }

  /**
   * {@return {@code field gte 42}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param value the value
   */
  public static Filter gte(String field, long value) {
    return compare(field, "gte", Value.raw(Long.toString(value)));
  }

  /**
   * {@return {@code field lt 42}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param value the value
   */
  public static Filter lt(String field, long value) {
    return compare(field, "lt", Value.raw(Long.toString(value)));
  }

  /**
   * {@return {@code field lt <unix seconds>}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param value the value
   */
  public static Filter lt(String field, Instant value) {
    return compare(field, "lt", Value.raw(Long.toString(value.getEpochSecond())));
  }

  /**
   * {@return {@code field lte 42}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param value the value
   */
  public static Filter lte(String field, long value) {
    return compare(field, "lte", Value.raw(Long.toString(value)));
  }

  /**
   * {@return {@code field LIKE "pattern"}: {@code %} in {@code pattern} is a wildcard (e.g. {@code "A%"});
   * quotes and backslashes are still escaped}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param pattern the pattern
   */
  public static Filter like(String field, String pattern) {
    return compare(field, "LIKE", Value.text(pattern));
  }

  /**
   * {@return {@code field IN ["a","b"]}; at least one value}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param values the values
   */
  public static Filter in(String field, String... values) {
    return in(field, Arrays.asList(values));
  }

  /**
   * {@return {@code field IN ["a","b"]}; at least one value}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param values the values
   */
  public static Filter in(String field, Collection<String> values) {
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
    List<Value> vs = new ArrayList<>();
    for (String v : values) {
      vs.add(Value.text(v));
    }
    return new In(ExternalId.of(field), vs);
  }

  /**
   * {@return {@code field IN [1,2]}; at least one value}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param values the values
   */
  public static Filter inNumbers(String field, Collection<? extends Number> values) {
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN needs at least one value");
    }
    List<Value> vs = new ArrayList<>();
    for (Number n : values) {
      if (!(n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte)) {
        throw new IllegalArgumentException("only integral numbers are supported in IN");
      }
      vs.add(Value.raw(Long.toString(n.longValue())));
    }
    return new In(ExternalId.of(field), vs);
  }

  /**
   * {@return {@code field IS NULL}}
   *
   * @param field the field's external id, e.g. {@code email}
   */
  public static Filter isNull(String field) {
    return new Unary(ExternalId.of(field), "IS NULL");
  }

  /**
   * {@return {@code field IS NOT NULL}}
   *
   * @param field the field's external id, e.g. {@code email}
   */
  public static Filter isNotNull(String field) {
    return new Unary(ExternalId.of(field), "IS NOT NULL");
  }

  /**
   * {@return {@code field BETWEEN 01/01/2010 AND 01/02/2020} (dates per {@link FilterSyntax#datePattern()})}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param from the old value
   * @param to the new value
   */
  public static Filter between(String field, LocalDate from, LocalDate to) {
    return new Between(ExternalId.of(field), Value.date(from), Value.date(to));
  }

  /**
   * {@return {@code field BETWEEN 1 AND 10}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param from the old value
   * @param to the new value
   */
  public static Filter between(String field, long from, long to) {
    return new Between(
        ExternalId.of(field), Value.raw(Long.toString(from)), Value.raw(Long.toString(to)));
  }

  /**
   * {@return {@code field BETWEEN <unix seconds> AND <unix seconds>}}
   *
   * @param field the field's external id, e.g. {@code email}
   * @param from the old value
   * @param to the new value
   */
  public static Filter between(String field, Instant from, Instant to) {
    return new Between(
        ExternalId.of(field),
        Value.raw(Long.toString(from.getEpochSecond())),
        Value.raw(Long.toString(to.getEpochSecond())));
  }

  // ---- combinators -------------------------------------------------------------------------

  /**
   * {@return all of {@code filters}: {@code (a) and (b) and (c)}}
   *
   * @param first the first
   * @param more the more
   */
  public static Filter allOf(Filter first, Filter... more) {
    return junction("and", first, more);
  }

  /**
   * {@return any of {@code filters}: {@code (a) or (b)}}
   *
   * @param first the first
   * @param more the more
   */
  public static Filter anyOf(Filter first, Filter... more) {
    return junction("or", first, more);
  }

  /**
   * {@return {@code (this) and (other)}}
   *
   * @param other the other one
   */
  public Filter and(Filter other) {
    return junction("and", this, other);
  }

  /**
   * {@return {@code (this) or (other)}}
   *
   * @param other the other one
   */
  public Filter or(Filter other) {
    return junction("or", this, other);
  }

  // ---- rendering ---------------------------------------------------------------------------

  /** {@return the raw expression text with the default {@link FilterSyntax}} */
  public final String toExpression() {
    return toExpression(FilterSyntax.defaults());
  }

  /**
   * {@return the raw expression text with {@code syntax}}
   *
   * @param syntax the syntax
   */
  public final String toExpression(FilterSyntax syntax) {
    StringBuilder sb = new StringBuilder();
    render(sb, Objects.requireNonNull(syntax, "syntax"));
    return sb.toString();
  }

  /**
   * {@return the expression percent-encoded (UTF-8, space as {@code %20}) for use as a query-string value}
   * The client encodes {@code filter} itself; this is for URLs built by hand (e.g. workflow blocks).
   */
  public final String toUrlEncoded() {
    return toUrlEncoded(FilterSyntax.defaults());
  }

  /**
   * {@return {@link #toUrlEncoded()} with {@code syntax}}
   *
   * @param syntax the syntax
   */
  public final String toUrlEncoded(FilterSyntax syntax) {
    return URLEncoder.encode(toExpression(syntax), StandardCharsets.UTF_8).replace("+", "%20");
  }

  abstract void render(StringBuilder sb, FilterSyntax syntax);

  @Override
  public final boolean equals(Object o) {
    return o instanceof Filter && ((Filter) o).toExpression().equals(toExpression());
  }

  @Override
  public final int hashCode() {
    return toExpression().hashCode();
  }

  /** The expression text (filters hold query values, not secrets). */
  @Override
  public final String toString() {
    return toExpression();
  }

  // ---- implementation ----------------------------------------------------------------------

  private static Filter compare(String field, String op, Value value) {
    return compare(ExternalId.of(field), op, value);
  }

  private static Filter compare(ExternalId field, String op, Value value) {
    return new Comparison(Objects.requireNonNull(field, "field"), op, value);
  }

  private static Filter junction(String op, Filter first, Filter... more) {
    List<Filter> parts = new ArrayList<>();
    addFlattened(parts, op, Objects.requireNonNull(first, "filter"));
    for (Filter f : more) {
      addFlattened(parts, op, Objects.requireNonNull(f, "filter"));
    }
    return parts.size() == 1 ? parts.get(0) : new Junction(op, parts);
  }

  private static void addFlattened(List<Filter> parts, String op, Filter f) {
    if (f instanceof Junction && ((Junction) f).op.equals(op)) {
      parts.addAll(((Junction) f).parts);
    } else {
      parts.add(f);
    }
  }

  /** A rendered value: quoted text or a raw token from a trusted formatter. */
  private abstract static class Value {
    abstract void render(StringBuilder sb, FilterSyntax syntax);

    static Value text(String s) {
      Objects.requireNonNull(s, "value (use isNull for null)");
      return new Value() {
        @Override
        void render(StringBuilder sb, FilterSyntax syntax) {
          sb.append(syntax.quote(s));
        }
      };
    }

    static Value raw(String token) {
      return new Value() {
        @Override
        void render(StringBuilder sb, FilterSyntax syntax) {
          sb.append(token);
        }
      };
    }

    static Value date(LocalDate d) {
      Objects.requireNonNull(d, "date");
      return new Value() {
        @Override
        void render(StringBuilder sb, FilterSyntax syntax) {
          sb.append(syntax.dateFormatter().format(d));
        }
      };
    }
  }

  private static final class Comparison extends Filter {
    private final ExternalId field;
    private final String op;
    private final Value value;

    Comparison(ExternalId field, String op, Value value) {
      this.field = field;
      this.op = op;
      this.value = value;
    }

    @Override
    void render(StringBuilder sb, FilterSyntax syntax) {
      sb.append(field.value()).append(' ').append(op).append(' ');
      value.render(sb, syntax);
    }
  }

  private static final class In extends Filter {
    private final ExternalId field;
    private final List<Value> values;

    In(ExternalId field, List<Value> values) {
      this.field = field;
      this.values = List.copyOf(values);
    }

    @Override
    void render(StringBuilder sb, FilterSyntax syntax) {
      sb.append(field.value()).append(" IN [");
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        values.get(i).render(sb, syntax);
      }
      sb.append(']');
    }
  }

  private static final class Unary extends Filter {
    private final ExternalId field;
    private final String op;

    Unary(ExternalId field, String op) {
      this.field = field;
      this.op = op;
    }

    @Override
    void render(StringBuilder sb, FilterSyntax syntax) {
      sb.append(field.value()).append(' ').append(op);
    }
  }

  private static final class Between extends Filter {
    private final ExternalId field;
    private final Value from;
    private final Value to;

    Between(ExternalId field, Value from, Value to) {
      this.field = field;
      this.from = from;
      this.to = to;
    }

    @Override
    void render(StringBuilder sb, FilterSyntax syntax) {
      sb.append(field.value()).append(" BETWEEN ");
      from.render(sb, syntax);
      sb.append(" AND ");
      to.render(sb, syntax);
    }
  }

  private static final class Junction extends Filter {
    private final String op;
    private final List<Filter> parts;

    Junction(String op, List<Filter> parts) {
      this.op = op;
      this.parts = List.copyOf(parts);
    }

    @Override
    void render(StringBuilder sb, FilterSyntax syntax) {
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) {
          sb.append(' ').append(op).append(' ');
        }
        sb.append('(');
        parts.get(i).render(sb, syntax);
        sb.append(')');
      }
    }
  }
}
