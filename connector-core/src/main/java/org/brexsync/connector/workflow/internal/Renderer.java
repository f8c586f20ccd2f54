package org.brexsync.connector.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders templates against variables and (for response mappings) a response. Bodies are rendered
 * on a parsed JSON tree: a placeholder only ever replaces a whole string value or a part of one, so a
 * value can never end its string, add a member or change the document's shape. Path placeholders
 * are percent-encoded as one segment, query placeholders as one value; header values may not contain
 * line breaks. Every missing or invalid value is collected, so one error names them all. Not API.
 */
public final class Renderer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Function<String, Optional<JsonNode>> variables;
  private final Optional<JsonNode> response;
  private final Map<String, List<String>> responseHeaders;
  private final Set<String> missing = new LinkedHashSet<>();
  private final List<String> invalid = new ArrayList<>();

  /**
   * A renderer.
   *
   * @param variables looks up a root name (record field, override or built-in)
   * @param response the response body, when rendering response mappings
   * @param responseHeaders the response headers (any case), when rendering response mappings
   */
  public Renderer(Function<String, Optional<JsonNode>> variables, Optional<JsonNode> response,
      Map<String, List<String>> responseHeaders) {
    this.variables = variables;
    this.response = response;
    this.responseHeaders = responseHeaders;
  }

  /** Names of the variables that were missing, in order of first use. */
  public List<String> missing() {
    return List.copyOf(missing);
  }

  /** Values that could not be used where they were placed, as messages. */
  public List<String> invalid() {
    return List.copyOf(invalid);
  }

  /** Whether rendering found no problem so far. */
  public boolean ok() {
    return missing.isEmpty() && invalid.isEmpty();
  }

  /** The value of an expression (default applied), or empty when missing. */
  public Optional<JsonNode> resolve(Expression e) {
    Optional<JsonNode> base;
    List<Object> path = e.path();
    if (e.root().equals("response")) {
      base = response;
    } else if (e.root().equals("response_headers") || e.root().equals("response_header")) {
      if (path.isEmpty() || !(path.get(0) instanceof String)) {
        base = Optional.empty();
      } else {
        String name = ((String) path.get(0)).toLowerCase(Locale.ROOT);
        base = responseHeaders.entrySet().stream()
            .filter(en -> en.getKey().toLowerCase(Locale.ROOT).equals(name) && !en.getValue().isEmpty())
            .map(en -> (JsonNode) TextNode.valueOf(en.getValue().get(0)))
            .findFirst();
        path = path.subList(1, path.size());
      }
    } else {
      base = variables.apply(e.root());
    }
    List<Object> rest = path;
    Optional<JsonNode> v = base.flatMap(b -> descend(b, rest));
    v = v.filter(n -> !n.isNull() && !n.isMissingNode());
    if (v.isEmpty() && e.defaultValue().isPresent()) {
      v = Optional.of(TextNode.valueOf(e.defaultValue().get()));
    }
    return v;
  }

  private static Optional<JsonNode> descend(JsonNode node, List<Object> path) {
    JsonNode cur = node;
    for (Object p : path) {
      if (cur == null || cur.isNull() || cur.isMissingNode()) {
        return Optional.empty();
      }
      if (p instanceof Integer) {
        cur = cur.isArray() ? cur.get((Integer) p) : null;
      } else if (cur.isTextual() && isJsonContainerText(cur.asText())) {
        // a long-text field holding JSON (e.g. a stored API response) is navigable too
        cur = Json.tryParse(cur.asText()).map(n -> n.get((String) p)).orElse(null);
      } else {
        cur = cur.get((String) p);
      }
    }
    return Optional.ofNullable(cur);
  }

  private static boolean isJsonContainerText(String s) {
    String t = s.trim();
    return t.startsWith("{") || t.startsWith("[");
  }

  /** Text of a value: scalars as text, containers as compact JSON. */
  public static String text(JsonNode v) {
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /** Where a text placeholder lands, which decides its encoding. */
  public enum Place {
    /** A header value: no line breaks. */
    HEADER,
    /** One URL path segment: percent-encoded; empty, "." and ".." refused. */
    PATH_SEGMENT,
    /** One query value: percent-encoded. */
    QUERY_VALUE,
    /** Plain text (response mappings). */
    TEXT
  }

  /** Renders a text template for a place. */
  public String renderText(Template t, Place place, String what) {
    StringBuilder sb = new StringBuilder();
    for (Template.Part p : t.parts()) {
      if (p.literal != null) {
        sb.append(p.literal);
        continue;
      }
      Expression e = p.expression;
      Optional<JsonNode> v = resolve(e);
      if (v.isEmpty()) {
        if (!e.optional()) {
          missing.add(e.text());
        }
        continue;
      }
      String s = text(v.get());
      switch (place) {
        case HEADER:
          if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            invalid.add(what + ": the value of " + e + " contains a line break");
            continue;
          }
          sb.append(s);
          break;
        case PATH_SEGMENT:
          if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            invalid.add(what + ": the value of " + e + " is not a usable path segment ('" + s + "')");
            continue;
          }
          sb.append(percentEncode(s));
          break;
        case QUERY_VALUE:
          sb.append(percentEncode(s));
          break;
        default:
          sb.append(s);
      }
    }
    return sb.toString();
  }

  /**
   * Renders a URL template: placeholders before the first {@code ?} as path segments, after it as
   * query values.
   */
  public String renderUrl(String template) {
    int q = firstQuestionMarkOutsidePlaceholders(template);
    String path = q < 0 ? template : template.substring(0, q);
    String query = q < 0 ? null : template.substring(q + 1);
    String out = renderText(Template.parse(path), Place.PATH_SEGMENT, "url");
    if (query != null) {
      out += "?" + renderText(Template.parse(query), Place.QUERY_VALUE, "url query");
    }
    return out;
  }

  private static int firstQuestionMarkOutsidePlaceholders(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.startsWith("{{", i)) {
        depth++;
        i++;
      } else if (s.startsWith("}}", i) && depth > 0) {
        depth--;
        i++;
      } else if (s.charAt(i) == '?' && depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Renders a JSON body template: a deep copy with every string template substituted. */
  public JsonNode renderBody(JsonNode template) {
    return renderNode(template, "body").orElse(NODES.nullNode());
  }

  private Optional<JsonNode> renderNode(JsonNode node, String at) {
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> en = it.next();
        renderNode(en.getValue(), at + "." + en.getKey()).ifPresent(v -> out.set(en.getKey(), v));
      }
      return Optional.of(out);
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      int i = 0;
      for (JsonNode el : node) {
        renderNode(el, at + "[" + i++ + "]").ifPresent(out::add);
      }
      return Optional.of(out);
    }
    if (!node.isTextual()) {
      return Optional.of(node.deepCopy());
    }
    Template t = Template.parse(node.asText());
    if (!t.hasPlaceholders()) {
      return Optional.of(node.deepCopy());
    }
    Optional<Expression> single = t.single();
    if (single.isPresent()) {
      Expression e = single.get();
      Optional<JsonNode> v = resolve(e);
      if (v.isEmpty()) {
        if (!e.optional()) {
          missing.add(e.text());
        }
        return Optional.empty();
      }
      return Optional.of(typed(e, v.get(), at));
    }
    return Optional.of(TextNode.valueOf(renderText(t, Place.TEXT, at)));
  }

  /**
   * The JSON value for a whole-string placeholder: record text stays a string (never parsed, so it
   * cannot become an object); objects and arrays given as variables stay what they are.
   */
  private JsonNode typed(Expression e, JsonNode v, String at) {
    if (e.number()) {
      if (v.isNumber()) {
        return v;
      }
      try {
        return NODES.numberNode(new BigDecimal(text(v).trim()));
      } catch (NumberFormatException ex) {
        invalid.add(at + ": the value of " + e + " is not a number");
        return NODES.nullNode();
      }
    }
    return v.deepCopy();
  }

  /** Percent-encodes everything but RFC 3986 unreserved characters. */
  public static String percentEncode(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
