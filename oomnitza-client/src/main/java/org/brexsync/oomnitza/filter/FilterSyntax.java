package org.brexsync.oomnitza.filter;

import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The lexical details of Oomnitza's filter language that Oomnitza does not document and that are
 * therefore configurable: the quote character around text values, how a quote or backslash inside
 * a value is escaped, and the date format used for {@code LocalDate} values.
 *
 * <p>Defaults: double quotes (as in {@code serial_number eq "OOM123"}), backslash escaping,
 * {@code MM/dd/yyyy} dates (as in {@code date BETWEEN 01/01/2010 AND 01/02/2020}).
 */
public final class FilterSyntax {
  /** How a quote character or backslash inside a quoted value is escaped. */
  public enum Escaping {
    /** {@code O"Brien} becomes {@code "O\"Brien"}; a backslash becomes {@code \\}. */
    BACKSLASH,
    /** {@code O"Brien} becomes {@code "O""Brien"} (SQL style); backslashes are left alone. */
    DOUBLE_QUOTE_CHAR
  }

  private static final FilterSyntax DEFAULT = builder().build();

  private final char quote;
  private final Escaping escaping;
  private final String datePattern;
  private final DateTimeFormatter dateFormatter;

  private FilterSyntax(Builder b) {
    this.quote = b.quote;
    this.escaping = b.escaping;
    this.datePattern = b.datePattern;
    this.dateFormatter = DateTimeFormatter.ofPattern(b.datePattern);
  }

  /** {@return the default syntax} */
  public static FilterSyntax defaults() {
    return DEFAULT;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the quote character around text values} */
  public char quote() {
    return quote;
  }

  /** {@return the escaping rule inside quoted values} */
  public Escaping escaping() {
    return escaping;
  }

  /** {@return the {@link DateTimeFormatter} pattern for dates} */
  public String datePattern() {
    return datePattern;
  }

  DateTimeFormatter dateFormatter() {
    return dateFormatter;
  }

  /**
   * Quotes and escapes {@code value} so it stays one literal in the expression.
   *
   * @param value the value
   * @return the string
   */
  public String quote(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 2).append(quote);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (escaping == Escaping.BACKSLASH && (c == '\\' || c == quote)) {
        sb.append('\\');
      } else if (escaping == Escaping.DOUBLE_QUOTE_CHAR && c == quote) {
        sb.append(quote);
      }
      sb.append(c);
    }
    return sb.append(quote).toString();
  }

  @Override
  public String toString() {
    return "FilterSyntax{quote=" + quote + ", escaping=" + escaping + ", datePattern=" + datePattern + "}";
  }

  /** Builds a {@link FilterSyntax}. */
  public static final class Builder {
    private char quote = '"';
    private Escaping escaping = Escaping.BACKSLASH;
    private String datePattern = "MM/dd/yyyy";

    private Builder() {}

    /**
     * The quote character: {@code "} (default) or {@code '}.
     *
     * @param quote the quote character: {@code "} (default) or {@code '}
     * @return this builder
     */
    public Builder quote(char quote) {
      if (quote != '"' && quote != '\'') {
        throw new IllegalArgumentException("quote must be \" or '");
      }
      this.quote = quote;
      return this;
    }

    /**
     * The escaping rule (default {@link Escaping#BACKSLASH}).
     *
     * @param escaping the escaping rule (default {@link Escaping#BACKSLASH})
     * @return this builder
     */
    public Builder escaping(Escaping escaping) {
      this.escaping = Objects.requireNonNull(escaping, "escaping");
      return this;
    }

    /**
     * The date pattern (default {@code MM/dd/yyyy}).
     *
     * @param pattern the date pattern (default {@code MM/dd/yyyy})
     * @return this builder
     */
    public Builder datePattern(String pattern) {
      DateTimeFormatter.ofPattern(Objects.requireNonNull(pattern, "pattern"));
      this.datePattern = pattern;
      return this;
    }

    /**
     * Builds the syntax.
     *
     * @return the new filter syntax
     */
    public FilterSyntax build() {
      return new FilterSyntax(this);
    }
  }
}
