package org.brexsync.brex;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brexsync.brex.model.Patch;

/**
 * Structural checks of JSON against a model class, driven by its {@code @JsonProperty} accessors.
 * Every structurally wrong property (unknown, wrong JSON type, illegal enum value) is reported and
 * removed from {@code json}, so that what remains can still be bound and checked against the rules.
 * Callers pass a copy.
 */
final class JsonShape {
  private JsonShape() {}

  static void check(JsonNode json, Class<?> type, String path, List<Violation> out) {
    if (json == null || !json.isObject()) {
      out.add(new Violation(path.isEmpty() ? "(body)" : path, "must be a JSON object"));
      return;
    }
    Map<String, Method> props = new LinkedHashMap<>();
    for (Method m : type.getDeclaredMethods()) {
      JsonProperty p = m.getAnnotation(JsonProperty.class);
      if (p != null && m.getParameterCount() == 0) {
        props.put(p.value(), m);
      }
    }
    ObjectNode object = (ObjectNode) json;
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!props.containsKey(name)) {
        out.add(new Violation(join(path, name), "is not a property of " + type.getSimpleName()
            + " (known: " + String.join(", ", props.keySet()) + ")"));
        it.remove();
      }
    }
    for (Map.Entry<String, Method> e : props.entrySet()) {
      String p = join(path, e.getKey());
      Method m = e.getValue();
      JsonNode value = json.get(e.getKey());
      Class<?> raw = m.getReturnType();
      boolean wrapper = raw == Optional.class || raw == Patch.class || raw == List.class
          || raw == Map.class;
      boolean required = Modifier.isAbstract(m.getModifiers()) && !wrapper;
      if (value == null || value.isNull()) {
        // Optional fields may be omitted or null; a Patch null means "clear".
        if (required) {
          out.add(new Violation(p, "is required"));
        }
        continue;
      }
      Type t = m.getGenericReturnType();
      if (raw == Optional.class || raw == Patch.class) {
        t = arg(t, 0);
      }
      if (!value(value, t, p, out)) {
        object.remove(e.getKey());
      }
    }
  }

  /** Checks one value; false when it is unusable and must be removed from its container. */
  private static boolean value(JsonNode value, Type t, String path, List<Violation> out) {
    Class<?> c = raw(t);
    if (c == List.class) {
      if (!value.isArray()) {
        out.add(new Violation(path, "must be a JSON array"));
        return false;
      }
      ArrayNode array = (ArrayNode) value;
      List<Integer> bad = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        if (!value(array.get(i), arg(t, 0), path + "[" + i + "]", out)) {
          bad.add(i);
        }
      }
      for (int i = bad.size() - 1; i >= 0; i--) {
        array.remove(bad.get(i));
      }
      return true;
    } else if (c == Map.class) {
      if (!value.isObject()) {
        out.add(new Violation(path, "must be a JSON object of strings"));
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (!f.getValue().isTextual()) {
          out.add(new Violation(join(path, f.getKey()), "must be a string"));
          it.remove();
        }
      }
      return true;
    } else if (c.isEnum()) {
      List<String> legal = Arrays.stream(c.getEnumConstants()).map(o -> ((Enum<?>) o).name())
          .filter(n -> !n.equals("UNKNOWN")).toList();
      if (!value.isTextual() || !legal.contains(value.asText())) {
        out.add(new Violation(path, "must be one of " + legal));
        return false;
      }
    } else if (c == String.class) {
      if (!value.isTextual()) {
        out.add(new Violation(path, "must be a string"));
        return false;
      }
    } else if (c == long.class || c == Long.class || c == int.class || c == Integer.class) {
      if (!value.isIntegralNumber()) {
        out.add(new Violation(path, "must be an integer"));
        return false;
      } else if ((c == int.class || c == Integer.class) && !value.canConvertToInt()) {
        out.add(new Violation(path, "is out of range"));
        return false;
      }
    } else if (c == boolean.class || c == Boolean.class) {
      if (!value.isBoolean()) {
        out.add(new Violation(path, "must be true or false"));
        return false;
      }
    } else if (c == LocalDate.class) {
      try {
        LocalDate.parse(value.asText());
        if (!value.isTextual()) {
          throw new DateTimeParseException("not text", value.toString(), 0);
        }
      } catch (DateTimeParseException e) {
        out.add(new Violation(path, "must be an ISO date (YYYY-MM-DD)"));
        return false;
      }
    } else if (c.getPackageName().startsWith("org.brexsync.brex")) {
      int before = out.size();
      check(value, c, path, out);
      // a nested object that is not an object at all cannot be kept
      return value.isObject() || out.size() == before;
    }
    return true;
  }

  private static Class<?> raw(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static Type arg(Type t, int i) {
    return t instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
