package org.brexsync.connector.insight;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.internal.Json;

/**
 * The views and insight rules that ship with brexsync (JSON resources {@code views.json} and
 * {@code insights.json} next to this class), and parsing of user-defined ones.
 */
public final class Catalog {
  private static final List<ListView> VIEWS = load("views.json", new TypeReference<List<ListView>>() {});
  private static final List<InsightRule> INSIGHTS = load("insights.json", new TypeReference<List<InsightRule>>() {});

  private Catalog() {}

  /** {@return the built-in views, in a sensible reading order} */
  public static List<ListView> views() {
    return VIEWS;
  }

  /** {@return the built-in insight rules} */
  public static List<InsightRule> insights() {
    return INSIGHTS;
  }

  /**
   * {@return a built-in view by name}
   *
   * @param name the name
   */
  public static Optional<ListView> view(String name) {
    return VIEWS.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /**
   * {@return a built-in insight rule by name}
   *
   * @param name the name
   */
  public static Optional<InsightRule> insight(String name) {
    return INSIGHTS.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /**
   * Finds a view for the command line: a built-in view's name, an insight rule's name (its member
   * list), or else JSON text of a view.
   *
   * @param nameOrJson the name or JSON
   * @return the list view
   * @throws IllegalArgumentException listing the known names when nothing matches
   */
  public static ListView resolve(String nameOrJson) {
    String s = nameOrJson.trim();
    if (s.startsWith("{")) {
      return ListView.fromJson(s);
    }
    return view(s)
        .or(() -> insight(s).map(InsightRule::view))
        .orElseThrow(() -> new IllegalArgumentException("unknown view '" + s + "'; known: " + names()));
  }

  /** {@return names of every built-in view and insight, for help texts} */
  public static List<String> names() {
    Map<String, Boolean> m = new LinkedHashMap<>();
    VIEWS.forEach(v -> m.put(v.name(), true));
    INSIGHTS.forEach(v -> m.put(v.name(), true));
    return List.copyOf(m.keySet());
  }

  /**
   * Reads a JSON array of insight rules (the format of the built-in {@code insights.json}).
   *
   * @param json the JSON text
   * @return the insight rules
   */
  public static List<InsightRule> insightsFromJson(String json) {
    try {
      return List.copyOf(Json.mapper().readValue(json, new TypeReference<List<InsightRule>>() {}));
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid insight rules JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a JSON array of views.
   *
   * @param json the JSON text
   * @return the list views
   */
  public static List<ListView> viewsFromJson(String json) {
    try {
      return List.copyOf(Json.mapper().readValue(json, new TypeReference<List<ListView>>() {}));
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid list views JSON: " + e.getMessage(), e);
    }
  }

  private static <T> List<T> load(String resource, TypeReference<List<T>> type) {
    try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return List.copyOf(Json.mapper().readValue(in, type));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read built-in " + resource, e);
    }
  }
}
