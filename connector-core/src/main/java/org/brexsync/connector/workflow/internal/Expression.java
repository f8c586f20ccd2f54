package org.brexsync.connector.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One placeholder expression: a root name ({@code last_name}, {@code response},
 * {@code response_headers}), accessors ({@code .name}, {@code [0]}, {@code ['key']},
 * {@code ["key"]}) and filters ({@code |optional}, {@code |number}, {@code |default:TEXT}). Not API.
 */
public final class Expression {
  private final String text;
  private final String root;
  private final List<Object> path; // String keys or Integer indexes
  private final boolean optional;
  private final boolean number;
  private final Optional<String> defaultValue;

  private Expression(String text, String root, List<Object> path, boolean optional, boolean number,
      Optional<String> defaultValue) {
    this.text = text;
    this.root = root;
    this.path = List.copyOf(path);
    this.optional = optional;
    this.number = number;
    this.defaultValue = defaultValue;
  }

  /** Parses the text between the braces. */
  public static Expression parse(String raw) {
    String text = raw.trim();
    String body = text;
    boolean optional = false;
    boolean number = false;
    Optional<String> def = Optional.empty();
    int bar = indexOfFilter(text);
    if (bar >= 0) {
      body = text.substring(0, bar).trim();
      for (String f : text.substring(bar + 1).split("\\|")) {
        String filter = f.trim();
        if (filter.equals("optional")) {
          optional = true;
        } else if (filter.equals("number")) {
          number = true;
        } else if (filter.startsWith("default:")) {
          def = Optional.of(filter.substring("default:".length()));
        } else {
          throw new IllegalArgumentException("unknown filter '" + filter + "' in {{" + raw + "}} (known: optional, number, default:TEXT)");
        }
      }
    }
    if (body.isEmpty()) {
      throw new IllegalArgumentException("empty placeholder {{" + raw + "}}");
    }
    int i = 0;
    StringBuilder name = new StringBuilder();
    while (i < body.length() && isNameChar(body.charAt(i))) {
      name.append(body.charAt(i++));
    }
    if (name.length() == 0) {
      throw new IllegalArgumentException("placeholder {{" + raw + "}} must start with a field name");
    }
    List<Object> path = new ArrayList<>();
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '.') {
        int s = ++i;
        while (i < body.length() && isHeaderChar(body.charAt(i))) {
          i++;
        }
        if (i == s) {
          throw new IllegalArgumentException("empty name after '.' in {{" + raw + "}}");
        }
        path.add(body.substring(s, i));
      } else if (c == '[') {
        int close = body.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '[' in {{" + raw + "}}");
        }
        String inner = body.substring(i + 1, close).trim();
        if (inner.length() >= 2 && (inner.startsWith("'") && inner.endsWith("'")
            || inner.startsWith("\"") && inner.endsWith("\""))) {
          path.add(inner.substring(1, inner.length() - 1));
        } else {
          try {
            int idx = Integer.parseInt(inner);
            if (idx < 0) {
              throw new NumberFormatException();
            }
            path.add(idx);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + inner + "' is neither a quoted key nor a list index in {{" + raw + "}}");
          }
        }
        i = close + 1;
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' at position " + i + " in {{" + raw + "}}");
      }
    }
    return new Expression(text, name.toString(), path, optional, number, def);
  }

  private static int indexOfFilter(String text) {
    boolean inQuote = false;
    char q = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inQuote) {
        if (c == q) {
          inQuote = false;
        }
      } else if (c == '\'' || c == '"') {
        inQuote = true;
        q = c;
      } else if (c == '|') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private static boolean isHeaderChar(char c) {
    return isNameChar(c);
  }

  /** The root name. */
  public String root() {
    return root;
  }

  /** The accessors after the root: String keys and Integer indexes. */
  public List<Object> path() {
    return path;
  }

  /** {@code |optional}: a missing value drops the JSON member instead of failing. */
  public boolean optional() {
    return optional;
  }

  /** {@code |number}: the value is sent as a JSON number. */
  public boolean number() {
    return number;
  }

  /** {@code |default:TEXT}: the text used when the value is missing. */
  public Optional<String> defaultValue() {
    return defaultValue;
  }

  /** The expression as written (for messages). */
  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return "{{" + text + "}}";
  }
}
