package org.brexsync.connector.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.RateLimiter;
import org.brexsync.connector.Integration;
import org.brexsync.connector.brex.BrexUserSource;
import org.brexsync.connector.oomnitza.OomnitzaUserSink;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.port.UserSink;
import org.brexsync.oomnitza.ExternalId;
import org.brexsync.oomnitza.FieldCatalog;
import org.brexsync.oomnitza.FieldId;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.OomnitzaSimulator;

/** Both simulators with clients wired to them (no real sleeping on retries). */
final class Sandbox implements AutoCloseable {
  final BrexSimulator brex;
  final OomnitzaSimulator oomnitza;
  final BrexClient brexClient;
  final OomnitzaClient oomnitzaClient;
  final FieldCatalog catalog;

  Sandbox(int users) {
    this(users, b -> {});
  }

  /** A sandbox whose Oomnitza simulator is further configured by {@code oomnitzaOptions}. */
  Sandbox(int users, java.util.function.Consumer<OomnitzaSimulator.Builder> oomnitzaOptions) {
    brex = BrexSimulator.builder().company(CompanySpec.of(42, users)).rateLimit(1_000_000, Duration.ofSeconds(60)).start();
    OomnitzaSimulator.Builder ob =
        OomnitzaSimulator.builder().customField("brex_user_id", true).customField("brex_status", false).customField("manager_email", false);
    oomnitzaOptions.accept(ob);
    oomnitza = ob.start();
    brexClient =
        BrexClient.builder()
            .token(brex.token())
            .baseUri(brex.baseUri())
            .sleeper(d -> {})
            .rateLimiter(RateLimiter.unlimited())
            .retryPolicy(org.brexsync.brex.RetryPolicy.builder().maxAttempts(8).build())
            .build();
    oomnitzaClient =
        OomnitzaClient.builder()
            .baseUri(oomnitza.baseUri())
            .apiToken(oomnitza.apiToken())
            .sleeper(d -> {})
            .retryPolicy(org.brexsync.oomnitza.RetryPolicy.builder().maxAttempts(8).build())
            .build();
    catalog =
        FieldCatalog.standardUsers()
            .toBuilder()
            .put(ExternalId.of("brex_user_id"), FieldId.of(OomnitzaSimulator.customFieldId("brex_user_id")))
            .put(ExternalId.of("brex_status"), FieldId.of(OomnitzaSimulator.customFieldId("brex_status")))
            .put(ExternalId.of("manager_email"), FieldId.of(OomnitzaSimulator.customFieldId("manager_email")))
            .build();
  }

  UserSink sink() {
    return OomnitzaUserSink.of(oomnitzaClient, catalog);
  }

  SyncEngine.Builder engine(Integration in, SyncStateStore store) {
    return SyncEngine.builder().integration(in).source(BrexUserSource.of(brexClient)).sink(sink()).stateStore(store);
  }

  /** Oomnitza people projected on the given fields, keyed by brex_user_id (for state comparisons). */
  static Map<String, String> project(List<ObjectNode> users, String... fields) {
    Map<String, String> m = new TreeMap<>();
    users.stream().sorted(Comparator.comparing(u -> u.path("brex_user_id").asText())).forEach(u -> {
      StringBuilder sb = new StringBuilder();
      for (String f : fields) {
        sb.append(f).append('=').append(u.path(f).asText()).append(';');
      }
      m.merge(u.path("brex_user_id").asText(), sb.toString(), (a, b) -> a + " DUPLICATE " + b);
    });
    return m;
  }

  @Override
  public void close() {
    brex.close();
    oomnitza.close();
  }
}
