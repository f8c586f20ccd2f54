package org.brexsync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.brexsync.brex.BrexClient;
import org.brexsync.connector.Integration;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.Sandbox;

/** Sandboxes and engines for the tests, and a bounded poll. */
final class Sims {
  private Sims() {}

  static Integration integration(String name, Schedule schedule) {
    return Integration.builder().name(name).mapping(Mapping.standard(25)).schedule(schedule).batchSize(20).pageSize(50)
        .concurrency(2).build();
  }

  static SyncEngine engine(Sandbox box, Integration in, SyncStateStore store) {
    BrexClient brex = BrexClient.builder().baseUri(box.brexUri()).token(box.brexToken()).build();
    OomnitzaClient oomnitza = OomnitzaClient.builder().baseUri(box.oomnitzaUri()).apiToken(box.oomnitzaToken()).build();
    return SyncEngine.builder().integration(in).brexClient(brex).oomnitzaClient(oomnitza).stateStore(store).build();
  }

  /** Oomnitza people per email: every person once, no duplicates. */
  static void assertOnePersonPerBrexUser(Sandbox box) {
    Map<String, Long> byEmail = box.oomnitza().users().stream()
        .collect(Collectors.groupingBy((ObjectNode u) -> u.path("email").asText().toLowerCase(Locale.ROOT), Collectors.counting()));
    assertThat(byEmail).allSatisfy((email, n) -> assertThat(n).as("people with email %s", email).isEqualTo(1));
    assertThat(byEmail.keySet()).containsAll(box.company().users()
        .map(u -> u.path("email").asText().toLowerCase(Locale.ROOT)).collect(Collectors.toList()));
  }
}
