package org.brexsync.connector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.brexsync.connector.mapping.BrexUserPaths;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.connector.mapping.TransformerRegistry;
import org.brexsync.connector.mapping.TransformerSpec;

/**
 * The product page's launch rules, plus: every rule's source path and every filter field must exist
 * in the Brex user schema (a typo would otherwise read nothing and, at default strength, clear the
 * Oomnitza field on every person).
 */
final class IntegrationValidator {
  private IntegrationValidator() {}

  static ValidationResult validate(Integration in, TransformerRegistry registry) {
    List<String> missing = new ArrayList<>();
    Mapping m = in.mapping();
    if (!mapsFromId(m, Mapping.USERNAME)) {
      missing.add("Brex Id must be mapped to Username (rule: username <- id)");
    }
    if (!mapsFromId(m, Mapping.BREX_USER_ID)) {
      missing.add("Brex Id must be mapped to the unique custom field Brex User Id (rule: brex_user_id <- id)");
    }
    if (!m.ruleFor(Mapping.EMAIL).flatMap(MappingRule::source).map("email"::equals).orElse(false)) {
      missing.add("Email must be mapped to Email (rule: email <- email)");
    }
    Optional<MappingRule> role = m.ruleFor(Mapping.ROLE);
    if (role.isEmpty() || role.get().syncTime()) {
      missing.add("a Role must be selected (rule: role <- constant role id)");
    }
    Set<String> unique = new LinkedHashSet<>(List.of(Mapping.USERNAME, Mapping.EMAIL, Mapping.BREX_USER_ID));
    unique.addAll(in.uniqueFields());
    if (!unique.contains(m.syncKey())) {
      missing.add("the sync key '" + m.syncKey() + "' must be a unique field (one of " + unique + ")");
    } else if (m.ruleFor(m.syncKey()).isEmpty()) {
      missing.add("the sync key '" + m.syncKey() + "' must be mapped");
    }
    BrexUserPaths paths = BrexUserPaths.spec();
    for (int i = 0; i < m.rules().size(); i++) {
      MappingRule r = m.rules().get(i);
      if (r.source().isPresent()) {
        Optional<String> problem = paths.problem(r.source().get());
        if (problem.isPresent()) {
          missing.add("mapping rule for '" + r.target() + "'" + in.documentPosition("/mapping/rules/" + i + "/source") + ": " + problem.get());
        }
      }
    }
    for (int i = 0; i < in.filters().rules().size(); i++) {
      String field = in.filters().rules().get(i).field();
      Optional<String> problem = paths.problem(field);
      if (problem.isPresent()) {
        missing.add("filter on '" + field + "'" + in.documentPosition("/filters/" + i + "/field") + ": " + problem.get());
      }
    }
    for (MappingRule r : m.rules()) {
      for (TransformerSpec t : r.transform()) {
        try {
          registry.create(t);
        } catch (IllegalArgumentException e) {
          missing.add("mapping rule for '" + r.target() + "': " + e.getMessage());
        }
      }
    }
    if (in.mode() == SyncMode.USER_PLUS_SAAS_USER && in.saasId().isEmpty()) {
      missing.add("mode USER_PLUS_SAAS_USER needs a saasId");
    }
    return new ValidationResult(missing);
  }

  private static boolean mapsFromId(Mapping m, String target) {
    return m.ruleFor(target).flatMap(MappingRule::source).map("id"::equals).orElse(false);
  }
}
