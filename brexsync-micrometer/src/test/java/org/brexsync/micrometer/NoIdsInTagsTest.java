package org.brexsync.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.observation.Observation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.brexsync.brex.BrexException;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.workflow.BrexActions;
import org.brexsync.connector.workflow.OffboardingWorkflow;
import org.brexsync.connector.workflow.Presets;
import org.brexsync.connector.workflow.RunOptions;
import org.brexsync.connector.workflow.Target;
import org.brexsync.connector.workflow.Workflow;
import org.brexsync.connector.workflow.WorkflowRunner;
import org.brexsync.oomnitza.OomnitzaException;
import org.brexsync.oomnitza.filter.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No tag value and no key value of any observation ever holds a user id, a card id, an Oomnitza
 * ident or an email: people with hostile addresses are synced, run through workflows and offboarded,
 * and their ids are sent to every kind of call; then every tag of every meter and every key value of
 * every observation is checked against every id and email the sandbox holds.
 */
class NoIdsInTagsTest {
  static final List<String> HOSTILE_EMAILS = List.of(
      "eve.ohara+get-v2-users@evil.example",
      "mallory_operation_tag@attacker.example",
      "trudy.status.200@evil.example");

  final Rig rig = new Rig(30, "api_response", "brex_status", "brex_user_card_id", "brex_card_status");

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void noTagOrKeyValueEverHoldsAnIdOrAnEmail() {
    List<String> hostileIds = new ArrayList<>();
    for (String email : HOSTILE_EMAILS) {
      ObjectNode u = rig.sandbox.brex().createUser("Eve", "Hostile", email, "ACTIVE");
      hostileIds.add(u.get("id").asText());
      rig.sandbox.brex().createCard(u.get("id").asText(), "VIRTUAL", "CARD");
    }
    // sync: reads, correlation by email, creates, updates (on the pipeline's threads too)
    assertThat(rig.engine("people").build().run().status()).isEqualTo(RunStatus.SUCCEEDED);
    rig.engine("people").build().run();
    rig.engine("people").dryRun(true).build().run();

    WorkflowRunner runner = rig.runner().build();
    Filter hostile = Filter.in("username", hostileIds);
    runner.run(Presets.load(Presets.GET_USER_DETAILS), Target.filter(hostile), RunOptions.defaults());
    runner.run(Workflow.of("cards", BrexActions.listUserCards()), Target.filter(hostile), RunOptions.defaults());
    runner.run(Presets.load(Presets.DEACTIVATE_USER), Target.username(hostileIds.get(0)), RunOptions.defaults());
    // offboarding names its steps after ids (not observed as steps); its HTTP calls are observed
    OffboardingWorkflow.builder().runner(runner).filter(hostile).build().run(false);

    // every kind of call, with ids and emails where ids go
    for (String id : concat(hostileIds, HOSTILE_EMAILS)) {
      quietly(() -> rig.brex.users().get(id));
      quietly(() -> rig.brex.users().getLimit(id));
      quietly(() -> rig.brex.cards().get(id));
      quietly(() -> rig.brex.cards().list(org.brexsync.brex.model.ListCardsRequest.forUser(id)).stream().toList());
      quietly(() -> rig.oomnitza.users().get(id));
      quietly(() -> rig.oomnitza.users().findByEmail(id));
      quietly(() -> rig.oomnitza.users().findByUsername(id));
      quietly(() -> rig.oomnitza.bulk().isCancelled(id));
    }

    Set<String> forbidden = new LinkedHashSet<>();
    forbidden.addAll(HOSTILE_EMAILS);
    forbidden.addAll(hostileIds);
    for (String id : hostileIds) {
      rig.sandbox.brex().cardsOf(id).forEach(c -> forbidden.add(c.get("id").asText()));
    }
    for (ObjectNode u : rig.sandbox.oomnitza().users()) {
      for (String field : List.of("username", "email", "brex_user_id", "user_id", "id")) {
        String v = u.path(field).asText("");
        if (v.length() >= 6) {
          forbidden.add(v);
        }
      }
    }
    // as they appear in a path: percent-encoded
    for (String f : List.copyOf(forbidden)) {
      forbidden.add(URLEncoder.encode(f, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    assertThat(forbidden).hasSizeGreaterThan(60);

    List<String> values = new ArrayList<>();
    for (Meter m : rig.meters.getMeters()) {
      values.add(m.getId().getName());
      for (Tag t : m.getId().getTags()) {
        values.add(t.getKey() + "=" + t.getValue());
      }
    }
    int meters = rig.meters.getMeters().size();
    for (Observation.Context c : rig.started) {
      values.add(c.getName());
      values.add(String.valueOf(c.getContextualName()));
      for (KeyValue kv : c.getAllKeyValues()) {
        values.add(kv.getKey() + "=" + kv.getValue());
      }
    }
    List<String> leaks = new ArrayList<>();
    for (String v : values) {
      String lower = v.toLowerCase(Locale.ROOT);
      for (String f : forbidden) {
        if (lower.contains(f.toLowerCase(Locale.ROOT))) {
          leaks.add(v + "  (holds " + f + ")");
        }
      }
    }
    assertThat(leaks).isEmpty();
    // not vacuous: every kind of meter and observation was made
    assertThat(meters).isGreaterThan(40);
    assertThat(rig.started.size()).isGreaterThan(100);
    assertThat(values).anyMatch(v -> v.equals("operation=GET /v2/users/{id}"))
        .anyMatch(v -> v.equals("operation=PUT /v2/users/{id}"))
        .anyMatch(v -> v.equals("operation=POST /v2/cards/{id}/lock"))
        .anyMatch(v -> v.equals("operation=GET /api/v3/users/{ident}"))
        .anyMatch(v -> v.equals("operation=PATCH /api/v3/users/{ident}"))
        .anyMatch(v -> v.equals("operation=PUT /v2/users/{brex_user_id}"))
        .anyMatch(v -> v.startsWith("result="))
        .anyMatch(v -> v.startsWith("step="));

  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  static void quietly(Runnable call) {
    try {
      call.run();
    } catch (BrexException | OomnitzaException | IllegalArgumentException expected) {
      // not found, refused: the attempt (if one was sent) is what counts
    }
  }
}
