package org.brexsync.connector.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Smart mapping: suggests rules from a list of source fields (Brex paths) and a list of target fields
 * (Oomnitza external ids or labels) by normalised names and synonyms, each with a confidence. Names are
 * normalised by splitting camelCase, snake_case, dots, dashes and spaces into lower-case words and
 * dropping noise words ("user", "the", "brex"). An exact normalised match scores 1.0, a synonym 0.9,
 * the product page's Brex id pairs (id → username, id → brex_user_id) 0.95, and otherwise the word
 * overlap (Jaccard) scaled to at most 0.7. Each target gets its best source at or above
 * {@link #threshold()}.
 */
public final class SmartMapper {
  /** Default minimum confidence. */
  public static final double DEFAULT_THRESHOLD = 0.5;

  private static final Set<String> NOISE = Set.of("user", "users", "the", "of", "brex", "oomnitza", "field", "custom");

  private static final List<Set<String>> SYNONYMS =
      List.of(
          Set.of("email", "mail", "email address", "e mail", "work email", "primary email"),
          Set.of("first name", "firstname", "given name", "fname", "forename"),
          Set.of("last name", "lastname", "surname", "family name", "lname"),
          Set.of("full name", "name", "display name", "fullname"),
          Set.of("title", "position", "job title", "title name"),
          Set.of("department", "department name", "dept", "division"),
          Set.of("location", "location name", "office", "site"),
          Set.of("manager email", "supervisor email", "reports to"),
          Set.of("manager id", "supervisor id"),
          Set.of("status", "state", "employment status", "employee status", "user status"),
          Set.of("phone", "phone number", "mobile", "telephone"),
          Set.of("remote display id", "employee id", "employee number", "external id"),
          Set.of("connector sync time", "sync time", "last sync", "last synced", "synced at"));

  private final double threshold;

  private SmartMapper(double threshold) {
    this.threshold = threshold;
  }

  /** {@return a mapper with the default threshold} */
  public static SmartMapper create() {
    return new SmartMapper(DEFAULT_THRESHOLD);
  }

  /**
   * {@return a mapper with a threshold in [0, 1]}
   *
   * @param threshold the threshold
   */
  public static SmartMapper withThreshold(double threshold) {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be in [0, 1]");
    }
    return new SmartMapper(threshold);
  }

  /** {@return the minimum confidence of a suggestion} */
  public double threshold() {
    return threshold;
  }

  /** {@return the Brex user fields (spec names and enrichments) the sync can read} */
  public static List<String> brexUserFields() {
    return List.of(
        "id", "first_name", "last_name", "email", "status", "manager_id", "department_id", "location_id", "title_id",
        "remote_display_id", "department.name", "location.name", "title.name", "manager.email", "connector_sync_time");
  }

  /**
   * {@return suggestions, best first, at most one per target field}
   *
   * @param sourceFields the source fields
   * @param targetFields the target fields
   */
  public List<MappingSuggestion> suggest(Collection<String> sourceFields, Collection<String> targetFields) {
    List<MappingSuggestion> out = new ArrayList<>();
    for (String target : new LinkedHashSet<>(targetFields)) {
      MappingSuggestion best = null;
      for (String source : new LinkedHashSet<>(sourceFields)) {
        Optional<MappingSuggestion> s = score(source, target);
        if (s.isPresent() && (best == null || s.get().confidence() > best.confidence())) {
          best = s.get();
        }
      }
      if (best != null && best.confidence() >= threshold) {
        out.add(best);
      }
    }
    out.sort(Comparator.comparingDouble(MappingSuggestion::confidence).reversed().thenComparing(MappingSuggestion::targetField));
    return out;
  }

  /**
   * {@return a mapping from the suggestions: rules for every suggested target plus, when the source fields
   * contain the sync time, {@code connector_sync_time} rules become sync-time rules}
   *
   * @param sourceFields the source fields
   * @param targetFields the target fields
   */
  public Mapping suggestMapping(Collection<String> sourceFields, Collection<String> targetFields) {
    Mapping.Builder b = Mapping.builder();
    for (MappingSuggestion s : suggest(sourceFields, targetFields)) {
      if (normalise(s.sourceField()).equals("connector sync time")) {
        b.addRules(MappingRule.syncTime(s.targetField()));
      } else {
        b.addRules(s.toRule());
      }
    }
    return b.build();
  }

  Optional<MappingSuggestion> score(String source, String target) {
    String ns = normalise(source);
    String nt = normalise(target);
    if (ns.isEmpty() || nt.isEmpty()) {
      return Optional.empty();
    }
    if (ns.equals("id")) {
      if (nt.equals("id")) {
        return Optional.of(new MappingSuggestion(source, target, 0.95, "Brex Id to Brex User Id"));
      }
      if (nt.equals("username") || nt.equals("name") && target.toLowerCase(Locale.ROOT).contains("user")) {
        return Optional.of(new MappingSuggestion(source, target, 0.95, "Brex Id to Username (product page)"));
      }
    }
    if (ns.equals(nt)) {
      return Optional.of(new MappingSuggestion(source, target, 1.0, "same name"));
    }
    for (Set<String> group : SYNONYMS) {
      if (group.contains(ns) && group.contains(nt)) {
        return Optional.of(new MappingSuggestion(source, target, 0.9, "synonym (" + ns + " ~ " + nt + ")"));
      }
    }
    Set<String> a = new LinkedHashSet<>(Arrays.asList(ns.split(" ")));
    Set<String> b = new LinkedHashSet<>(Arrays.asList(nt.split(" ")));
    Set<String> inter = new LinkedHashSet<>(a);
    inter.retainAll(b);
    if (inter.isEmpty()) {
      return Optional.empty();
    }
    Set<String> union = new LinkedHashSet<>(a);
    union.addAll(b);
    double j = (double) inter.size() / union.size();
    return Optional.of(new MappingSuggestion(source, target, Math.round(0.7 * j * 100) / 100.0, "shared words " + inter));
  }

  private static final Map<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  /** Normalised name: lower-case words separated by one space, noise words dropped. */
  static String normalise(String name) {
    return CACHE.computeIfAbsent(name, SmartMapper::doNormalise);
  }

  private static String doNormalise(String name) {
    String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_\\-.\\s\\[\\]]+", " ").toLowerCase(Locale.ROOT).trim();
    if (spaced.equals("user name") || spaced.equals("login") || spaced.equals("user login")) {
      return "username";
    }
    List<String> words = new ArrayList<>();
    for (String w : spaced.split(" ")) {
      if (!w.isEmpty() && !NOISE.contains(w)) {
        words.add(w);
      }
    }
    if (words.isEmpty() && !spaced.isEmpty()) {
      // "user" alone, or "username" split as "user name": keep a meaningful word.
      return spaced.replace(" ", "");
    }
    String joined = String.join(" ", words);
    return joined.equals("e mail") ? "email" : joined;
  }
}
