package org.brexsync.connector.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.brexsync.oomnitza.filter.Filter;

/**
 * Reads a filter typed by a person (e.g. the CLI's {@code --filter}) into oomnitza-client's typed
 * {@link Filter}, so values are re-quoted and escaped by the client rather than passed through.
 * Grammar (keywords case-insensitive):
 *
 * <pre>
 * expr       := and ('or' and)*          and := term ('and' term)*
 * term       := '(' expr ')' | comparison
 * comparison := field (eq|ne|=|!=|like) value | field (gt|gte|lt|lte) integer
 *             | field IS [NOT] NULL | field IN (value, ...)
 * value      := 'text' | "text" | true | false | integer | bare-word
 * </pre>
 *
 * Examples: {@code brex_user_id is null}, {@code left_company eq true and brex_user_id is not null},
 * {@code username in ('jim', 'pam')}.
 */
public final class FilterExpression {
  private final List<String> tokens;
  private final String text;
  private int pos;

  private FilterExpression(String text) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  /**
   * Parses an expression.
   *
   * @param expression the expression
   * @return the parsed filter
   * @throws IllegalArgumentException with the position of the problem
   */
  public static Filter parse(String expression) {
    FilterExpression p = new FilterExpression(expression);
    if (p.tokens.isEmpty()) {
      throw new IllegalArgumentException("empty filter");
    }
    Filter f = p.or();
    if (p.pos < p.tokens.size()) {
      throw p.error("unexpected '" + p.tokens.get(p.pos) + "'");
    }
    return f;
  }

  private Filter or() {
    Filter f = and();
    while (keyword("or")) {
      f = f.or(and());
    }
    return f;
  }

  private Filter and() {
    Filter f = term();
    while (keyword("and")) {
      f = f.and(term());
    }
    return f;
  }

  private Filter term() {
    if (peek("(")) {
      pos++;
      Filter f = or();
      expect(")");
      return f;
    }
    String field = next("a field name");
    if (!field.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw error("'" + field + "' is not a field name");
    }
    String op = next("an operator").toLowerCase(Locale.ROOT);
    switch (op) {
      case "eq":
      case "=":
        return eq(field, value());
      case "ne":
      case "!=":
        return Filter.ne(field, text(value()));
      case "like":
        return Filter.like(field, text(value()));
      case "gt":
        return Filter.gt(field, integer(value()));
      case "gte":
        return Filter.gte(field, integer(value()));
      case "lt":
        return Filter.lt(field, integer(value()));
      case "lte":
        return Filter.lte(field, integer(value()));
      case "is":
        boolean not = keyword("not");
        if (!keyword("null")) {
          throw error("expected NULL after IS" + (not ? " NOT" : ""));
        }
        return not ? Filter.isNotNull(field) : Filter.isNull(field);
      case "in":
        expect("(");
        List<String> values = new ArrayList<>();
        do {
          values.add(text(value()));
        } while (consume(","));
        expect(")");
        return Filter.in(field, values);
      default:
        throw error("unknown operator '" + op + "' (eq, ne, like, gt, gte, lt, lte, is [not] null, in)");
    }
  }

  private static Filter eq(String field, String token) {
    if (token.equalsIgnoreCase("true") || token.equalsIgnoreCase("false")) {
      return Filter.eq(field, Boolean.parseBoolean(token.toLowerCase(Locale.ROOT)));
    }
    if (token.matches("-?\\d{1,18}")) {
      return Filter.eq(field, Long.parseLong(token));
    }
    return Filter.eq(field, text(token));
  }

  private long integer(String token) {
    if (!token.matches("-?\\d{1,18}")) {
      throw error("'" + token + "' is not an integer");
    }
    return Long.parseLong(token);
  }

  /** A value token: quoted text keeps its quotes (marked) until {@link #text}. */
  private String value() {
    return next("a value");
  }

  private static String text(String token) {
    if (token.length() >= 2 && (token.charAt(0) == '\'' || token.charAt(0) == '"')) {
      return token.substring(1, token.length() - 1).replace("" + token.charAt(0) + token.charAt(0), "" + token.charAt(0));
    }
    return token;
  }

  private boolean keyword(String k) {
    if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(k)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean peek(String t) {
    return pos < tokens.size() && tokens.get(pos).equals(t);
  }

  private boolean consume(String t) {
    if (peek(t)) {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(String t) {
    if (!consume(t)) {
      throw error("expected '" + t + "'");
    }
  }

  private String next(String what) {
    if (pos >= tokens.size()) {
      throw error("expected " + what + " at the end");
    }
    return tokens.get(pos++);
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("filter '" + text + "': " + message + " (token " + (pos + 1) + ")");
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        StringBuilder sb = new StringBuilder().append(c);
        while (true) {
          if (j >= s.length()) {
            throw new IllegalArgumentException("filter '" + s + "': unclosed quote at position " + i);
          }
          char d = s.charAt(j);
          if (d == c) {
            if (j + 1 < s.length() && s.charAt(j + 1) == c) {
              sb.append(c).append(c);
              j += 2;
              continue;
            }
            break;
          }
          sb.append(d);
          j++;
        }
        out.add(sb.append(c).toString());
        i = j + 1;
      } else if (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
        out.add("!=");
        i += 2;
      } else if (c == '=') {
        out.add("=");
        i++;
      } else {
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "(),'\"=!".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }
}
