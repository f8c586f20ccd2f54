package org.brexsync.connector.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.Integration;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.mapping.CompiledMapping;
import org.brexsync.connector.mapping.FieldChange;
import org.brexsync.connector.port.UserSink;
import org.brexsync.connector.sync.Situation;

/**
 * Stage 2c, plan (diff → classify): decides each candidate's situation from its Oomnitza match —
 * CREATE, UPDATE with the field-level diff, UNCHANGED, SKIPPED by the preference or deprovisioning,
 * FAILED (a sync key used twice in Brex or matching several people). Pure: thread-safe.
 */
final class Classifier {
  private final Integration in;
  private final CompiledMapping mapping;
  private final UserSink sink;

  Classifier(Integration in, CompiledMapping mapping, UserSink sink) {
    this.in = in;
    this.mapping = mapping;
    this.sink = sink;
  }

  /** Plans for candidates given the people found by sync key (normalized). */
  List<Plan> classify(List<Candidate> batch, Map<String, List<ObjectNode>> found) {
    String syncKey = in.mapping().syncKey();
    List<Plan> plans = new ArrayList<>(batch.size());
    for (Candidate c : batch) {
      Plan plan = new Plan(c);
      plans.add(plan);
      if (c.duplicateOf != null) {
        plan.situation = Situation.FAILED;
        plan.error = Optional.of("duplicate sync key value in Brex (also used by " + c.duplicateOf + ")");
        continue;
      }
      List<ObjectNode> matches = found.getOrDefault(c.normKey, List.of());
      if (matches.size() > 1) {
        plan.situation = Situation.FAILED;
        plan.error = Optional.of(matches.size() + " Oomnitza users have " + syncKey + "=" + c.key);
        continue;
      }
      if (matches.isEmpty()) {
        if (c.departed) {
          plan.situation = Situation.SKIPPED;
          plan.error = Optional.of("departed Brex user not in Oomnitza: not created");
        } else if (!in.preference().creates()) {
          plan.situation = Situation.SKIPPED;
          plan.error = Optional.of("not in Oomnitza and the preference is UPDATE_ONLY");
        } else {
          plan.situation = Situation.CREATE;
          plan.assumedNew = c.assumedNew;
          plan.fields = mapping.createFields(c.mapped);
          List<FieldChange> ch = new ArrayList<>(plan.fields.size());
          plan.fields.fields().forEachRemaining(f -> ch.add(FieldChange.of(f.getKey(), Optional.empty(), Optional.of(f.getValue()))));
          plan.changes = ch;
          plan.needsSaas = true;
        }
        continue;
      }
      ObjectNode existing = matches.get(0);
      plan.existing = existing;
      plan.targetId = Optional.of(sink.idOf(existing));
      List<FieldChange> changes = new ArrayList<>(mapping.diff(c.mapped, existing));
      if (c.departed) {
        Map.Entry<String, JsonNode> w = in.deprovisioning().write().get();
        changes.removeIf(ch -> ch.field().equals(w.getKey()));
        if (!Json.sameValue(w.getValue(), existing.get(w.getKey()))) {
          changes.add(FieldChange.of(w.getKey(), Optional.ofNullable(existing.get(w.getKey())).filter(n -> !Json.isEmpty(n)), Optional.of(w.getValue())));
          plan.deprovision = true;
        }
      }
      boolean stateChanged = c.prior.isEmpty() || !c.prior.get().fingerprint().equals(c.fingerprint);
      if (changes.isEmpty()) {
        plan.situation = Situation.UNCHANGED;
        plan.needsSaas = stateChanged;
      } else if (!in.preference().updates()) {
        plan.situation = Situation.SKIPPED;
        plan.error = Optional.of("exists in Oomnitza and the preference is CREATE_ONLY");
      } else {
        plan.situation = Situation.UPDATE;
        plan.changes = changes;
        plan.needsSaas = true;
      }
    }
    return plans;
  }

  /** The plan of a known record gone from Brex, given its Oomnitza person (null: not there). */
  Plan classifyGone(Candidate c, ObjectNode existing) {
    Plan plan = new Plan(c);
    Map.Entry<String, JsonNode> w = in.deprovisioning().write().get();
    plan.existing = existing;
    plan.targetId = Optional.of(sink.idOf(existing));
    if (Json.sameValue(w.getValue(), existing.get(w.getKey()))) {
      plan.situation = Situation.UNCHANGED;
    } else {
      plan.situation = Situation.UPDATE;
      plan.deprovision = true;
      plan.changes = List.of(FieldChange.of(w.getKey(),
          Optional.ofNullable(existing.get(w.getKey())).filter(n -> !Json.isEmpty(n)), Optional.of(w.getValue())));
    }
    return plan;
  }
}
