package org.brexsync.connector.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A path into a JSON tree: dot-separated names with optional list indexes, for example {@code email},
 * {@code metadata.cost_center}, {@code items[0].name} or {@code manager.email}. Names are the spec's
 * JSON names. Immutable and thread-safe.
 */
public final class FieldPath {
  private final String text;
  private final List<Object> segments; // String names or Integer indexes

  private FieldPath(String text, List<Object> segments) {
    this.text = text;
    this.segments = List.copyOf(segments);
  }

  /**
   * Parses a path.
   *
   * @param text the text
   * @return the parsed field path
   * @throws IllegalArgumentException with the offending position when the text is not a valid path
   */
  public static FieldPath parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("empty field path");
    }
    List<Object> segs = new ArrayList<>();
    int i = 0;
    int n = text.length();
    StringBuilder name = new StringBuilder();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '.') {
        if (name.length() == 0 && (segs.isEmpty() || !(segs.get(segs.size() - 1) instanceof Integer))) {
          throw new IllegalArgumentException("empty name at position " + i + " in field path '" + text + "'");
        }
        if (name.length() > 0) {
          segs.add(name.toString());
          name.setLength(0);
        }
        i++;
      } else if (c == '[') {
        if (name.length() > 0) {
          segs.add(name.toString());
          name.setLength(0);
        }
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '[' at position " + i + " in field path '" + text + "'");
        }
        String idx = text.substring(i + 1, close).trim();
        try {
          int v = Integer.parseInt(idx);
          if (v < 0) {
            throw new NumberFormatException();
          }
          segs.add(v);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "list index '" + idx + "' at position " + i + " is not a non-negative integer in field path '" + text + "'");
        }
        i = close + 1;
      } else {
        name.append(c);
        i++;
      }
    }
    if (name.length() > 0) {
      segs.add(name.toString());
    } else if (text.endsWith(".")) {
      throw new IllegalArgumentException("field path '" + text + "' ends with '.'");
    }
    return new FieldPath(text, segs);
  }

  /** {@return the first name of the path ({@code manager} in {@code manager.email})} */
  public String head() {
    Object first = segments.get(0);
    return first instanceof String ? (String) first : "";
  }

  /** {@link #tail()}, made once: paths are immutable, and enriched paths ask for it per record. */
  private volatile Optional<FieldPath> tail;

  /** {@return the path without its first segment, if any segments remain} */
  public Optional<FieldPath> tail() {
    Optional<FieldPath> t = tail;
    if (t == null) {
      t = makeTail();
      tail = t;
    }
    return t;
  }

  private Optional<FieldPath> makeTail() {
    if (segments.size() <= 1) {
      return Optional.empty();
    }
    List<Object> rest = segments.subList(1, segments.size());
    StringBuilder sb = new StringBuilder();
    for (Object s : rest) {
      if (s instanceof Integer) {
        sb.append('[').append(s).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(s);
      }
    }
    return Optional.of(new FieldPath(sb.toString(), rest));
  }

  /** {@return number of segments} */
  public int size() {
    return segments.size();
  }

  /**
   * Resolves this path in a tree; missing, null and out-of-range steps give empty.
   *
   * @param root the root
   * @return the JSON node, or empty
   */
  public Optional<JsonNode> resolve(JsonNode root) {
    JsonNode cur = root;
    for (Object s : segments) {
      if (cur == null || cur.isNull() || cur.isMissingNode()) {
        return Optional.empty();
      }
      cur = s instanceof Integer ? cur.get((Integer) s) : cur.get((String) s);
    }
    if (cur == null || cur.isNull() || cur.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(cur);
  }

  /**
   * {@return whether this path is present in a tree, as opposed to absent: every name along it exists in its
   * object, or the walk reaches an explicit JSON null (which stands for everything below it), or an
   * index past the end of a present list} A name missing from its object, or a step into a scalar, a
   * name into a list or an index into an object, is absent.
   *
   * @param root the root
   */
  public boolean isPresentIn(JsonNode root) {
    JsonNode cur = root;
    for (Object s : segments) {
      if (cur == null || cur.isMissingNode()) {
        return false;
      }
      if (cur.isNull()) {
        return true;
      }
      if (s instanceof Integer) {
        if (!cur.isArray()) {
          return false;
        }
        if ((Integer) s >= cur.size()) {
          return true;
        }
        cur = cur.get((Integer) s);
      } else {
        if (!cur.isObject() || !cur.has((String) s)) {
          return false;
        }
        cur = cur.get((String) s);
      }
    }
    return cur != null && !cur.isMissingNode();
  }

  /** {@return the segments: names ({@code String}) and list indexes ({@code Integer})} */
  public List<Object> segments() {
    return segments;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldPath && ((FieldPath) o).segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
