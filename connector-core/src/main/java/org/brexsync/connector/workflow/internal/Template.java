package org.brexsync.connector.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed text with {@code {{expression|filter}}} placeholders. Parsing happens once; rendering
 * never re-reads substituted values as templates, so a value containing {@code {{x}}} stays literal.
 * Not API.
 */
public final class Template {
  /** One literal text or placeholder. */
  public static final class Part {
    final String literal; // null for placeholders
    final Expression expression;

    Part(String literal, Expression expression) {
      this.literal = literal;
      this.expression = expression;
    }

    /** The literal text, if this part is literal. */
    public Optional<String> literal() {
      return Optional.ofNullable(literal);
    }

    /** The placeholder, if this part is one. */
    public Optional<Expression> expression() {
      return Optional.ofNullable(expression);
    }
  }

  private final String source;
  private final List<Part> parts;

  private Template(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException on an unclosed or empty placeholder
   */
  public static Template parse(String source) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      int open = source.indexOf("{{", i);
      if (open < 0) {
        parts.add(new Part(source.substring(i), null));
        break;
      }
      if (open > i) {
        parts.add(new Part(source.substring(i, open), null));
      }
      int close = source.indexOf("}}", open + 2);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed '{{' at position " + open + " in template '" + source + "'");
      }
      parts.add(new Part(null, Expression.parse(source.substring(open + 2, close))));
      i = close + 2;
    }
    return new Template(source, parts);
  }

  /** The parts in order. */
  public List<Part> parts() {
    return parts;
  }

  /** The single placeholder when the whole template is exactly one placeholder. */
  public Optional<Expression> single() {
    return parts.size() == 1 ? parts.get(0).expression() : Optional.empty();
  }

  /** Whether the template contains any placeholder. */
  public boolean hasPlaceholders() {
    return parts.stream().anyMatch(p -> p.expression != null);
  }

  @Override
  public String toString() {
    return source;
  }
}
