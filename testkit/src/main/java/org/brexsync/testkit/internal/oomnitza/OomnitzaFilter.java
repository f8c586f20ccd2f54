package org.brexsync.testkit.internal.oomnitza;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Parser of the Oomnitza REST v3 {@code filter} expression (documented as SQL-like):
 *
 * <pre>
 * expr       := and ('or' and)*
 * and        := unary ('and' unary)*
 * unary      := 'not' unary | '(' expr ')' | comparison
 * comparison := field op value
 *             | field 'is' ['not'] 'null'
 *             | field ['not'] 'in' ( '(' values ')' | '[' values ']' )
 *             | field ['not'] 'like' value
 *             | field ['not'] 'between' value 'and' value
 * op         := eq | ne | lt | lte | gt | gte | = | != | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=
 * value      := 'single quoted' ('' escapes a quote) | "double quoted" (\" and \\ are the only escapes)
 *             | number | true | false | bare-word
 * </pre>
 *
 * Keywords and operators are case-insensitive. String comparison ({@code eq}, {@code in},
 * {@code like}) ignores case; {@code lt/gt/between} compare numerically when both sides are
 * numbers, else as strings. Anything else is rejected with an {@link IllegalArgumentException}
 * whose message the simulator returns with 400.
 */
public final class OomnitzaFilter {

  /** Reads a field's value from a record; null when unset. */
  public interface Record extends Function<String, Object> {}

  private enum T { LPAREN, RPAREN, LBRACK, RBRACK, COMMA, STRING, NUMBER, WORD, OP, END }

  private static final class Tok {
    final T type;
    final String text;
    final int pos;

    Tok(T type, String text, int pos) {
      this.type = type;
      this.text = text;
      this.pos = pos;
    }
  }

  private final List<Tok> toks;
  private final Predicate<String> knownField;
  private int i;

  private OomnitzaFilter(List<Tok> toks, Predicate<String> knownField) {
    this.toks = toks;
    this.knownField = knownField;
  }

  /** Parses an expression; unknown fields (per {@code knownField}) and bad syntax throw. */
  public static Predicate<Record> parse(String expression, Predicate<String> knownField) {
    OomnitzaFilter p = new OomnitzaFilter(tokenize(expression), knownField);
    if (p.peek().type == T.END) {
      throw new IllegalArgumentException("Invalid filter: empty expression");
    }
    Predicate<Record> e = p.expr();
    if (p.peek().type != T.END) {
      throw p.fail("unexpected '" + p.peek().text + "'");
    }
    return e;
  }

  /**
   * When the whole expression is {@code field eq 'v'} or {@code field IN ('a', 'b')}, returns the
   * field followed by the values (so callers can use an index); otherwise null.
   */
  public static List<String> equalityLookup(String expression) {
    List<Tok> t;
    try {
      t = tokenize(expression);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (t.size() < 4 || t.get(0).type != T.WORD || isKeyword(t.get(0).text)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    out.add(t.get(0).text);
    Tok op = t.get(1);
    String o = op.text.toLowerCase(Locale.ROOT);
    if ((o.equals("eq") || o.equals("=") || o.equals("==")) && t.size() == 4
        && (t.get(2).type == T.STRING || t.get(2).type == T.NUMBER) && t.get(3).type == T.END) {
      out.add(t.get(2).text);
      return out;
    }
    if (o.equals("in") && (t.get(2).type == T.LPAREN || t.get(2).type == T.LBRACK)) {
      int i = 3;
      while (i < t.size() && (t.get(i).type == T.STRING || t.get(i).type == T.NUMBER)) {
        out.add(t.get(i).text);
        i++;
        if (t.get(i).type == T.COMMA) {
          i++;
        } else {
          break;
        }
      }
      if (i + 2 == t.size() && (t.get(i).type == T.RPAREN || t.get(i).type == T.RBRACK) && out.size() > 1) {
        return out;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ grammar

  private Predicate<Record> expr() {
    Predicate<Record> left = and();
    while (isWord("or")) {
      i++;
      Predicate<Record> l = left;
      Predicate<Record> r = and();
      left = rec -> l.test(rec) || r.test(rec);
    }
    return left;
  }

  private Predicate<Record> and() {
    Predicate<Record> left = unary();
    while (isWord("and")) {
      i++;
      Predicate<Record> l = left;
      Predicate<Record> r = unary();
      left = rec -> l.test(rec) && r.test(rec);
    }
    return left;
  }

  private Predicate<Record> unary() {
    if (isWord("not")) {
      i++;
      Predicate<Record> inner = unary();
      return inner.negate();
    }
    if (peek().type == T.LPAREN) {
      i++;
      Predicate<Record> e = expr();
      expect(T.RPAREN, ")");
      return e;
    }
    return comparison();
  }

  private Predicate<Record> comparison() {
    Tok f = next();
    if (f.type != T.WORD || isKeyword(f.text)) {
      throw fail("expected a field name at position " + f.pos + " but found '" + f.text + "'");
    }
    String field = f.text;
    if (!knownField.test(field)) {
      throw new IllegalArgumentException("Invalid filter: unknown field '" + field + "'");
    }
    if (isWord("is")) {
      i++;
      boolean not = false;
      if (isWord("not")) {
        i++;
        not = true;
      }
      if (!isWord("null")) {
        throw fail("expected NULL after IS");
      }
      i++;
      Predicate<Record> isNull = rec -> isNull(rec.apply(field));
      return not ? isNull.negate() : isNull;
    }
    boolean not = false;
    if (isWord("not")) {
      i++;
      not = true;
    }
    Predicate<Record> p;
    if (isWord("in")) {
      i++;
      T close;
      if (peek().type == T.LPAREN) {
        close = T.RPAREN;
      } else if (peek().type == T.LBRACK) {
        close = T.RBRACK;
      } else {
        throw fail("expected ( or [ after IN");
      }
      i++;
      List<Object> values = new ArrayList<>();
      if (peek().type != close) {
        values.add(value());
        while (peek().type == T.COMMA) {
          i++;
          values.add(value());
        }
      }
      expect(close, close == T.RPAREN ? ")" : "]");
      p = rec -> {
        Object v = rec.apply(field);
        for (Object x : values) {
          if (equal(v, x)) {
            return true;
          }
        }
        return false;
      };
    } else if (isWord("like")) {
      i++;
      Pattern pattern = likePattern(String.valueOf(value()));
      p = rec -> {
        Object v = rec.apply(field);
        return v != null && pattern.matcher(stringOf(v)).matches();
      };
    } else if (isWord("between")) {
      i++;
      Object lo = value();
      if (!isWord("and")) {
        throw fail("expected AND in BETWEEN");
      }
      i++;
      Object hi = value();
      p = rec -> {
        Object v = rec.apply(field);
        return v != null && compare(v, lo) >= 0 && compare(v, hi) <= 0;
      };
    } else {
      if (not) {
        throw fail("NOT must be followed by IN, LIKE or BETWEEN here");
      }
      Tok op = next();
      String o = op.text.toLowerCase(Locale.ROOT);
      if (op.type != T.OP && op.type != T.WORD) {
        throw fail("expected an operator after '" + field + "'");
      }
      Object x = value();
      switch (o) {
        case "eq": case "=": case "==":
          p = rec -> equal(rec.apply(field), x);
          break;
        case "ne": case "!=": case "<>":
          p = rec -> !equal(rec.apply(field), x);
          break;
        case "lt": case "<":
          p = rec -> rec.apply(field) != null && compare(rec.apply(field), x) < 0;
          break;
        case "lte": case "le": case "<=":
          p = rec -> rec.apply(field) != null && compare(rec.apply(field), x) <= 0;
          break;
        case "gt": case ">":
          p = rec -> rec.apply(field) != null && compare(rec.apply(field), x) > 0;
          break;
        case "gte": case "ge": case ">=":
          p = rec -> rec.apply(field) != null && compare(rec.apply(field), x) >= 0;
          break;
        default:
          throw new IllegalArgumentException("Invalid filter: unknown operator '" + op.text + "'");
      }
    }
    return not ? p.negate() : p;
  }

  private Object value() {
    Tok t = next();
    switch (t.type) {
      case STRING:
        return t.text;
      case NUMBER:
        return t.text.contains(".") ? (Object) Double.valueOf(t.text) : (Object) Long.valueOf(t.text);
      case WORD:
        String w = t.text.toLowerCase(Locale.ROOT);
        if (w.equals("true") || w.equals("false")) {
          return Boolean.valueOf(w);
        }
        if (isKeyword(w)) {
          throw fail("expected a value but found '" + t.text + "'");
        }
        return t.text;
      default:
        throw fail("expected a value at position " + t.pos);
    }
  }

  // ------------------------------------------------------------------ semantics

  static boolean isNull(Object v) {
    return v == null || (v instanceof String && ((String) v).isEmpty());
  }

  static String stringOf(Object v) {
    return v instanceof Double && ((Double) v) == Math.rint((Double) v) ? Long.toString(((Double) v).longValue())
        : String.valueOf(v);
  }

  static boolean equal(Object v, Object x) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean || x instanceof Boolean) {
      return stringOf(v).equalsIgnoreCase(stringOf(x));
    }
    Double a = number(v);
    Double b = number(x);
    if (a != null && b != null) {
      return a.doubleValue() == b.doubleValue();
    }
    return stringOf(v).equalsIgnoreCase(stringOf(x));
  }

  static int compare(Object v, Object x) {
    Double a = number(v);
    Double b = number(x);
    if (a != null && b != null) {
      return Double.compare(a, b);
    }
    return stringOf(v).compareToIgnoreCase(stringOf(x));
  }

  static Double number(Object v) {
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof String) {
      String s = (String) v;
      if (!s.isEmpty() && s.length() < 25 && s.matches("-?\\d+(\\.\\d+)?")) {
        return Double.valueOf(s);
      }
    }
    return null;
  }

  static Pattern likePattern(String like) {
    StringBuilder sb = new StringBuilder();
    for (char c : like.toCharArray()) {
      if (c == '%') {
        sb.append(".*");
      } else if (c == '_') {
        sb.append('.');
      } else {
        sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  }

  // ------------------------------------------------------------------ tokens

  private static boolean isKeyword(String w) {
    switch (w.toLowerCase(Locale.ROOT)) {
      case "and": case "or": case "not": case "in": case "like": case "between": case "is": case "null":
        return true;
      default:
        return false;
    }
  }

  private boolean isWord(String w) {
    Tok t = peek();
    return t.type == T.WORD && t.text.equalsIgnoreCase(w);
  }

  private Tok peek() {
    return toks.get(i);
  }

  private Tok next() {
    Tok t = toks.get(i);
    if (t.type != T.END) {
      i++;
    }
    return t;
  }

  private void expect(T type, String text) {
    if (next().type != type) {
      throw fail("expected '" + text + "'");
    }
  }

  private IllegalArgumentException fail(String message) {
    return new IllegalArgumentException("Invalid filter: " + message);
  }

  private static List<Tok> tokenize(String s) {
    List<Tok> out = new ArrayList<>();
    int n = s.length();
    int p = 0;
    while (p < n) {
      char c = s.charAt(p);
      if (Character.isWhitespace(c)) {
        p++;
      } else if (c == '(') {
        out.add(new Tok(T.LPAREN, "(", p++));
      } else if (c == ')') {
        out.add(new Tok(T.RPAREN, ")", p++));
      } else if (c == '[') {
        out.add(new Tok(T.LBRACK, "[", p++));
      } else if (c == ']') {
        out.add(new Tok(T.RBRACK, "]", p++));
      } else if (c == ',') {
        out.add(new Tok(T.COMMA, ",", p++));
      } else if (c == '\'' || c == '"') {
        int start = p++;
        StringBuilder sb = new StringBuilder();
        boolean closed = false;
        while (p < n) {
          char d = s.charAt(p);
          if (d == c) {
            if (c == '\'' && p + 1 < n && s.charAt(p + 1) == c) {
              sb.append(c);
              p += 2;
              continue;
            }
            p++;
            closed = true;
            break;
          }
          if (d == '\\' && c == '"') {
            // Double-quoted text knows one escaping style, oomnitza-client's: \" and \\ only. A doubled
            // "" ends the literal, so a client escaping SQL-style gets a 400, not a lucky match.
            char e = p + 1 < n ? s.charAt(p + 1) : 0;
            if (e != '"' && e != '\\') {
              throw new IllegalArgumentException("Invalid filter: invalid escape at position " + p
                  + " (inside double quotes only \\\" and \\\\ are escapes)");
            }
            sb.append(e);
            p += 2;
            continue;
          }
          sb.append(d);
          p++;
        }
        if (!closed) {
          throw new IllegalArgumentException("Invalid filter: unterminated string at position " + start);
        }
        out.add(new Tok(T.STRING, sb.toString(), start));
      } else if ("=!<>".indexOf(c) >= 0) {
        int start = p;
        while (p < n && "=!<>".indexOf(s.charAt(p)) >= 0) {
          p++;
        }
        String op = s.substring(start, p);
        if (!List.of("=", "==", "!=", "<>", "<", "<=", ">", ">=").contains(op)) {
          throw new IllegalArgumentException("Invalid filter: unknown operator '" + op + "'");
        }
        out.add(new Tok(T.OP, op, start));
      } else if (Character.isDigit(c) || (c == '-' && p + 1 < n && Character.isDigit(s.charAt(p + 1)))) {
        int start = p++;
        while (p < n && isWordChar(s.charAt(p))) {
          p++;
        }
        String text = s.substring(start, p);
        out.add(new Tok(text.matches("-?\\d+(\\.\\d+)?") ? T.NUMBER : T.WORD, text, start));
      } else if (Character.isLetter(c) || c == '_') {
        int start = p++;
        while (p < n && isWordChar(s.charAt(p))) {
          p++;
        }
        out.add(new Tok(T.WORD, s.substring(start, p), start));
      } else {
        throw new IllegalArgumentException("Invalid filter: unexpected character '" + c + "' at position " + p);
      }
    }
    out.add(new Tok(T.END, "<end>", n));
    return out;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == ':' || c == '-' || c == '@';
  }
}
