package org.brexsync.connector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.record.FieldPath;

/**
 * The source paths a sync rule can read from a Brex user: the fields of {@code UserResponse} in Brex's
 * Team API spec (2025-03), {@code metadata.<key>} with any key, and the enrichments the engine
 * resolves ({@code department.id|name}, {@code location.id|name}, {@code title.id|name},
 * {@code manager} and {@code manager.<user field>}). The schema is embedded in this library (a
 * resource extracted from the spec), so nothing is read from outside at run time. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * BrexUserPaths.spec().problem("titel.name")
 * // Optional["unknown source path 'titel.name': the Brex user has no field 'titel'; did you mean 'title.name'?"]
 * }</pre>
 */
public final class BrexUserPaths {
  private static final String RESOURCE = "/org/brexsync/connector/mapping/brex-user-schema.json";
  private static final BrexUserPaths SPEC = load();

  /** User field name → "string" or "map". */
  private final Map<String, String> fields;
  /** Enrichment name → its fields, or empty for a user (manager). */
  private final Map<String, List<String>> enrichments;
  private final List<String> known;

  private BrexUserPaths(Map<String, String> fields, Map<String, List<String>> enrichments) {
    this.fields = Collections.unmodifiableMap(fields);
    this.enrichments = Collections.unmodifiableMap(enrichments);
    List<String> k = new ArrayList<>(fields.keySet());
    enrichments.forEach((name, sub) -> {
      k.add(name);
      if (sub.isEmpty()) {
        fields.forEach((f, type) -> k.add(name + "." + f));
      } else {
        sub.forEach(s -> k.add(name + "." + s));
      }
    });
    this.known = List.copyOf(k);
  }

  /** {@return the paths of the embedded Brex Team API 2025-03 user schema} */
  public static BrexUserPaths spec() {
    return SPEC;
  }

  private static BrexUserPaths load() {
    try (InputStream in = BrexUserPaths.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      JsonNode root = Json.mapper().readTree(in);
      Map<String, String> fields = new LinkedHashMap<>();
      root.path("fields").fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
      Map<String, List<String>> enrichments = new LinkedHashMap<>();
      root.path("enrichments").fields().forEachRemaining(e -> {
        List<String> sub = new ArrayList<>();
        e.getValue().path("fields").forEach(f -> sub.add(f.asText()));
        enrichments.put(e.getKey(), List.copyOf(sub));
      });
      return new BrexUserPaths(fields, enrichments);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  /** {@return the user fields of the spec (names only)} */
  public Set<String> fields() {
    return fields.keySet();
  }

  /**
   * {@return every concrete known path ({@code metadata.<key>} stands for any key and is listed as
   * {@code metadata}), in schema order}
   */
  public List<String> knownPaths() {
    return known;
  }

  /**
   * {@return whether a rule can read {@code path}}
   *
   * @param path the path
   */
  public boolean isKnown(String path) {
    return problem(path).isEmpty();
  }

  /**
   * {@return why {@code path} cannot be read from a Brex user, with the nearest known path suggested; empty
   * when it can}
   *
   * @param path the path
   */
  public Optional<String> problem(String path) {
    FieldPath p;
    try {
      p = FieldPath.parse(path);
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    return why(p.segments(), true, "").map(w -> "unknown source path '" + path + "': " + w + "; did you mean '" + nearest(path) + "'?");
  }

  /** What is wrong with a path (of a user when {@code enriched}, else of a manager's raw user); empty when fine. */
  private Optional<String> why(List<Object> segs, boolean enriched, String prefix) {
    Object head = segs.get(0);
    if (!(head instanceof String)) {
      return Optional.of("a Brex user is an object, not a list");
    }
    String name = (String) head;
    List<Object> rest = segs.subList(1, segs.size());
    String type = fields.get(name);
    if (type != null) {
      if (rest.isEmpty()) {
        return Optional.empty();
      }
      if (type.equals("map")) {
        if (rest.size() == 1 && rest.get(0) instanceof String) {
          return Optional.empty(); // metadata.<any key>
        }
        return Optional.of("'" + prefix + name + "' holds text values by key: name one key, as in '" + prefix + name + ".<key>'");
      }
      return Optional.of("'" + prefix + name + "' is a text field with nothing inside it");
    }
    if (enriched && enrichments.containsKey(name)) {
      List<String> sub = enrichments.get(name);
      if (rest.isEmpty()) {
        return Optional.empty();
      }
      if (sub.isEmpty()) {
        // manager.*: the manager's own Brex user, without further enrichments
        return why(rest, false, name + ".");
      }
      if (rest.size() == 1 && rest.get(0) instanceof String && sub.contains(rest.get(0))) {
        return Optional.empty();
      }
      return Optional.of("'" + name + "' has only " + String.join(" and ", sub));
    }
    if (!enriched && enrichments.containsKey(name)) {
      return Optional.of("'" + prefix + name + "' is not resolved for a manager (only the manager's own Brex user fields are)");
    }
    return Optional.of("the Brex user has no field '" + prefix + name + "'");
  }

  /**
   * {@return the known path closest to {@code path} by edit distance (ties: schema order)}
   *
   * @param path the path
   */
  public String nearest(String path) {
    if (path.length() > 200) {
      path = path.substring(0, 200); // keeps the distance computation small for absurd input
    }
    Set<String> candidates = new LinkedHashSet<>(known);
    String head = path.split("[.\\[]", 2)[0];
    boolean knownHead = fields.containsKey(head) || enrichments.containsKey(head);
    if (knownHead) {
      // The head is right: suggest within it (email.domain -> email, manager.department.name -> manager.department_id).
      candidates.removeIf(c -> !(c.equals(head) || c.startsWith(head + ".")));
    }
    int dot = path.indexOf('.');
    if (!knownHead && dot > 0 && dot < path.length() - 1) {
      String tail = path.substring(dot + 1);
      for (Map.Entry<String, String> f : fields.entrySet()) {
        if (f.getValue().equals("map") && !tail.contains(".") && !tail.contains("[")) {
          candidates.add(f.getKey() + "." + tail); // metdata.cost_center -> metadata.cost_center
        }
      }
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(path, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions), case-insensitive. */
  static int distance(String a, String b) {
    a = a.toLowerCase(java.util.Locale.ROOT);
    b = b.toLowerCase(java.util.Locale.ROOT);
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  @Override
  public String toString() {
    return "BrexUserPaths" + known;
  }
}
