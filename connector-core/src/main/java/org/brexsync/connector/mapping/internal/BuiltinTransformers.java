package org.brexsync.connector.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.mapping.Transformer;
import org.brexsync.connector.mapping.TransformerFactory;
import org.brexsync.connector.mapping.TransformerSpec;
import org.brexsync.connector.record.FieldPath;

/** The built-in transformers. Not API: use TransformerRegistry.defaults(). */
public final class BuiltinTransformers {
  private BuiltinTransformers() {}

  /** All built-ins by name. */
  public static Map<String, TransformerFactory> all() {
    Map<String, TransformerFactory> m = new LinkedHashMap<>();
    m.put("lowercase", s -> text(t -> t.toLowerCase(Locale.ROOT)));
    m.put("uppercase", s -> text(t -> t.toUpperCase(Locale.ROOT)));
    m.put("trim", s -> text(String::strip));
    m.put("to_string", s -> (v, c) -> v.map(n -> TextNode.valueOf(n.isValueNode() ? n.asText() : n.toString())));
    m.put("to_boolean", s -> (v, c) -> v.map(n -> BooleanNode.valueOf(truthy(n))));
    m.put("split_email", BuiltinTransformers::splitEmail);
    m.put("first_from_full", s -> text(BuiltinTransformers::firstFromFull));
    m.put("last_from_full", s -> text(BuiltinTransformers::lastFromFull));
    m.put("date_format", BuiltinTransformers::dateFormat);
    m.put("value_map", BuiltinTransformers::valueMap);
    m.put("concat", BuiltinTransformers::concat);
    m.put("default_if_empty", BuiltinTransformers::defaultIfEmpty);
    return m;
  }

  private static Transformer text(UnaryOperator<String> f) {
    return (v, c) -> v.filter(n -> !n.isNull()).map(n -> TextNode.valueOf(f.apply(n.isValueNode() ? n.asText() : n.toString())));
  }

  private static boolean truthy(JsonNode n) {
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.asDouble() != 0;
    }
    String t = n.asText().trim().toLowerCase(Locale.ROOT);
    return t.equals("true") || t.equals("yes") || t.equals("y") || t.equals("1") || t.equals("on");
  }

  private static Transformer splitEmail(TransformerSpec spec) {
    String part = spec.text("part", "local");
    if (!part.equals("local") && !part.equals("domain")) {
      throw new IllegalArgumentException("transformer 'split_email': part must be 'local' or 'domain', got '" + part + "'");
    }
    boolean local = part.equals("local");
    return text(
        t -> {
          int at = t.lastIndexOf('@');
          if (at < 0) {
            return local ? t : "";
          }
          return local ? t.substring(0, at) : t.substring(at + 1);
        });
  }

  static String firstFromFull(String full) {
    String t = full.strip();
    int sp = t.indexOf(' ');
    return sp < 0 ? t : t.substring(0, sp);
  }

  static String lastFromFull(String full) {
    String t = full.strip();
    int sp = t.indexOf(' ');
    return sp < 0 ? "" : t.substring(sp + 1).strip();
  }

  private static Transformer dateFormat(TransformerSpec spec) {
    String from = spec.text("from", "iso");
    String to = spec.requireText("to");
    ZoneId zone;
    try {
      zone = ZoneId.of(spec.text("zone", "UTC"));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("transformer 'date_format': unknown zone '" + spec.text("zone", "") + "'");
    }
    DateTimeFormatter fromFmt = pattern(from);
    DateTimeFormatter toFmt = pattern(to);
    return (v, c) ->
        v.filter(n -> !Json.isEmpty(n))
            .map(
                n -> {
                  Instant instant = parseInstant(n, from, fromFmt, zone);
                  switch (to) {
                    case "epoch_seconds":
                      return LongNode.valueOf(instant.getEpochSecond());
                    case "epoch_millis":
                      return LongNode.valueOf(instant.toEpochMilli());
                    case "iso":
                      return TextNode.valueOf(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
                    case "date":
                      return TextNode.valueOf(LocalDate.ofInstant(instant, zone).toString());
                    default:
                      return TextNode.valueOf(toFmt.format(ZonedDateTime.ofInstant(instant, zone)));
                  }
                });
  }

  private static DateTimeFormatter pattern(String p) {
    switch (p) {
      case "iso":
      case "date":
      case "epoch_seconds":
      case "epoch_millis":
        return DateTimeFormatter.ISO_INSTANT;
      default:
        try {
          return DateTimeFormatter.ofPattern(p, Locale.ROOT);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("transformer 'date_format': bad pattern '" + p + "': " + e.getMessage());
        }
    }
  }

  private static Instant parseInstant(JsonNode n, String from, DateTimeFormatter fmt, ZoneId zone) {
    String t = n.asText().trim();
    try {
      switch (from) {
        case "epoch_seconds":
          return Instant.ofEpochSecond(Long.parseLong(t));
        case "epoch_millis":
          return Instant.ofEpochMilli(Long.parseLong(t));
        case "iso":
        case "date":
          if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
          }
          try {
            return OffsetDateTime.parse(t).toInstant();
          } catch (DateTimeParseException e) {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
          }
        default:
          TemporalAccessor ta = fmt.parseBest(t, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
          if (ta instanceof ZonedDateTime) {
            return ((ZonedDateTime) ta).toInstant();
          }
          if (ta instanceof LocalDateTime) {
            return ((LocalDateTime) ta).atZone(zone).toInstant();
          }
          return ((LocalDate) ta).atStartOfDay(zone).toInstant();
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("date_format: cannot read '" + t + "' as " + from);
    }
  }

  private static Transformer valueMap(TransformerSpec spec) {
    JsonNode map = spec.arg("map").orElseThrow(() -> new IllegalArgumentException("transformer 'value_map' needs an object argument 'map'"));
    if (!map.isObject()) {
      throw new IllegalArgumentException("transformer 'value_map': 'map' must be an object");
    }
    Optional<JsonNode> dflt = spec.arg("default");
    boolean ignoreCase = spec.arg("ignoreCase").map(JsonNode::asBoolean).orElse(false);
    Map<String, JsonNode> entries = new LinkedHashMap<>();
    map.fields().forEachRemaining(e -> entries.put(ignoreCase ? e.getKey().toLowerCase(Locale.ROOT) : e.getKey(), e.getValue()));
    return (v, c) -> {
      if (v.isEmpty()) {
        return dflt.filter(d -> !d.isNull());
      }
      String key = v.get().asText();
      JsonNode hit = entries.get(ignoreCase ? key.toLowerCase(Locale.ROOT) : key);
      if (hit != null) {
        return hit.isNull() ? Optional.empty() : Optional.of(hit);
      }
      return dflt.isPresent() ? dflt.filter(d -> !d.isNull()) : v;
    };
  }

  private static Transformer concat(TransformerSpec spec) {
    JsonNode paths = spec.arg("paths").orElseThrow(() -> new IllegalArgumentException("transformer 'concat' needs a list argument 'paths'"));
    if (!paths.isArray()) {
      throw new IllegalArgumentException("transformer 'concat': 'paths' must be a list of field paths");
    }
    List<FieldPath> ps = new ArrayList<>();
    for (JsonNode p : paths) {
      ps.add(FieldPath.parse(p.asText()));
    }
    String sep = spec.text("separator", " ");
    return (v, c) -> {
      List<String> parts = new ArrayList<>();
      v.filter(n -> !Json.isEmpty(n)).ifPresent(n -> parts.add(n.asText()));
      for (FieldPath p : ps) {
        c.record().get(p).filter(n -> !Json.isEmpty(n)).ifPresent(n -> parts.add(n.isValueNode() ? n.asText() : n.toString()));
      }
      return parts.isEmpty() ? Optional.empty() : Optional.of(TextNode.valueOf(String.join(sep, parts)));
    };
  }

  private static Transformer defaultIfEmpty(TransformerSpec spec) {
    JsonNode d = spec.arg("value").orElseThrow(() -> new IllegalArgumentException("transformer 'default_if_empty' needs an argument 'value'"));
    return (v, c) -> Json.isEmpty(v) ? Optional.of(d) : v;
  }
}
