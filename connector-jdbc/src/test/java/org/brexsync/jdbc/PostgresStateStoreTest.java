package org.brexsync.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.jdbc.internal.PgSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The state port's contract on a real PostgreSQL (skipped, with the reason, without one). */
class PostgresStateStoreTest {
  static final Instant T1 = Instant.parse("2026-11-27T10:00:00Z");
  static final Instant T2 = Instant.parse("2026-11-28T10:00:00Z");

  TestDatabase t;
  SyncStateStore store;

  @BeforeEach
  void setUp() {
    t = TestDatabase.create();
    store = t.db.stateStore();
  }

  @AfterEach
  void tearDown() {
    if (t != null) {
      t.close();
    }
  }

  static RecordState st(String fp, String key) {
    return RecordState.of(fp, key, Optional.of("oom-" + key));
  }

  @Test
  void aCommittedRunIsReadBackInBatchesPerIntegration() {
    try (StateSession s = store.open("acme", false)) {
      assertThat(s.lastSuccessfulRun()).isEmpty();
      s.put("u1", st("f1", "a@x"));
      s.put("u2", RecordState.of("f2", "b@x", Optional.empty()));
      s.flush();
      s.put("u3", st("f3", "c@x"));
      s.commit(T1);
    }
    try (StateSession s = store.open("acme", false); StateSession other = store.open("globex", true)) {
      assertThat(s.lastSuccessfulRun()).contains(T1);
      assertThat(s.size()).isEqualTo(3);
      assertThat(s.get(List.of("u1", "u2", "nobody")))
          .containsExactly(Map.entry("u1", st("f1", "a@x")), Map.entry("u2", RecordState.of("f2", "b@x", Optional.empty())));
      assertThat(other.size()).as("another integration is another namespace").isZero();
      assertThat(other.get(List.of("u1"))).isEmpty();
    }
  }

  @Test
  void markSeenAndClaimKeysAreRunMarksOfOneSession() {
    try (StateSession s = store.open("acme", false)) {
      assertThat(s.markSeen(List.of("a", "x"))).isEmpty();
      assertThat(s.markSeen(List.of("b", "a", "x", "y"))).containsExactlyInAnyOrder("a", "x");
      assertThat(s.claimKeys(Map.of("ada@x", "u1", "bob@x", "u2"))).isEmpty();
      assertThat(s.claimKeys(Map.of("ada@x", "u1"))).as("the owner again").isEmpty();
      assertThat(s.claimKeys(Map.of("ada@x", "u9", "cy@x", "u3"))).containsExactly(Map.entry("ada@x", "u1"));
    }
    try (StateSession s = store.open("acme", false)) {
      assertThat(s.markSeen(List.of("a"))).as("marks belong to one session").isEmpty();
      assertThat(s.claimKeys(Map.of("ada@x", "u9"))).isEmpty();
    }
  }

  @Test
  void targetKeysAreRememberedForTheSession() {
    try (StateSession s = store.open("acme", false)) {
      PgSession pg = (PgSession) s;
      pg.markTargetKeys(List.of("a@x", "b@x"));
      pg.markTargetKeys(List.of("b@x", "c@x"));
      assertThat(pg.targetKeys(List.of("a@x", "c@x", "d@x"))).containsExactlyInAnyOrder("a@x", "c@x");
    }
    try (StateSession s = store.open("acme", true)) {
      assertThat(((PgSession) s).targetKeys(List.of("a@x"))).isEmpty();
    }
  }

  @Test
  void recordsStreamInUtf8ByteOrderAcrossPagesAndMayBeChangedWhileVisited() {
    int n = PgSession.PAGE * 2 + 37;
    List<String> ids = new ArrayList<>(IntStream.range(0, n).mapToObj(i -> "u" + i).collect(Collectors.toList()));
    ids.addAll(List.of("Zed", "zed", "\u00e9t\u00e9", "\u03a9mega", "_x", "\ud83d\ude00"));
    try (StateSession s = store.open("acme", false)) {
      ids.forEach(id -> s.put(id, st("f", id + "@x")));
      s.commit(T1);
    }
    // The order holds whatever the database's default collation (this server's may already be C.UTF-8):
    // the column itself is "C".
    try (java.sql.Connection c = t.db.dataSource().getConnection(); java.sql.Statement st = c.createStatement();
        java.sql.ResultSet r = st.executeQuery("SELECT collation_name FROM information_schema.columns "
            + "WHERE table_schema = current_schema() AND table_name = 'brexsync_record' AND column_name = 'source_id'")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("C");
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    List<String> expected = new ArrayList<>(ids);
    expected.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    try (StateSession s = store.open("acme", false)) {
      List<String> all = new ArrayList<>();
      s.forEach((id, state) -> all.add(id));
      assertThat(all).containsExactlyElementsOf(expected);

      List<String> seen = expected.subList(0, n / 2);
      for (int i = 0; i < seen.size(); i += 100) {
        s.markSeen(seen.subList(i, Math.min(seen.size(), i + 100)));
      }
      List<String> unseen = new ArrayList<>();
      s.forEachUnseen((id, state) -> {
        unseen.add(id);
        if (unseen.size() % 2 == 0) {
          s.remove(id);
        } else {
          s.put(id, st("gone", state.syncKey()));
        }
        if (unseen.size() % 100 == 0) {
          s.flush(); // the engine flushes between batches, also inside this pass
        }
      });
      assertThat(unseen).containsExactlyElementsOf(expected.subList(n / 2, expected.size()));
      s.commit(T2);
    }
    try (StateSession s = store.open("acme", true)) {
      assertThat(s.size()).isEqualTo(n / 2 + (expected.size() - n / 2 + 1) / 2);
      String firstUnseen = expected.get(n / 2);
      assertThat(s.get(firstUnseen)).contains(st("gone", firstUnseen + "@x"));
    }
  }

  @Test
  void aReadOnlySessionMarksButPersistsNothingAndTakesNoLock() {
    try (StateSession writer = store.open("acme", false); StateSession dry = store.open("acme", true)) {
      dry.put("u1", st("f", "a@x"));
      dry.commit(T1);
      assertThat(dry.markSeen(List.of("u1", "u1b"))).isEmpty();
      writer.put("u2", st("f", "b@x"));
      writer.commit(T1);
    }
    try (StateSession s = store.open("acme", true)) {
      assertThat(s.get(List.of("u1", "u2")).keySet()).containsExactly("u2");
    }
  }

  @Test
  void integrationsOfTwoSchemasInOneDatabaseNeverLockEachOther() {
    // Each schema numbers its integrations from 1; advisory locks are database-wide.
    try (TestDatabase other = TestDatabase.create();
        StateSession here = store.open("acme", false);
        StateSession there = other.db.stateStore().open("globex", false)) {
      here.put("u1", st("f1", "k1"));
      there.put("u1", st("f1", "k1"));
      here.commit(T1);
      there.commit(T1);
    }
  }

  @Test
  void oneWriterPerIntegrationAtATimeAndTheLockDiesWithItsConnection() {
    StateSession first = store.open("acme", false);
    try {
      assertThatThrownBy(() -> store.open("acme", false)).isInstanceOf(DatabaseException.class)
          .hasMessageContaining("'acme' is held by another run");
      store.open("globex", false).close();
    } finally {
      first.close();
    }
    store.open("acme", false).close();

    StateSession killed = store.open("acme", false);
    assertThat(t.terminateConnections()).isPositive(); // the worker's connection dies, as with kill -9
    try (StateSession next = store.open("acme", false)) {
      assertThat(next.size()).isZero();
    }
    killed.close(); // closing a session whose connection is gone is quiet
  }

  @Test
  void aCommitThatFailsLeavesTheOldRunAndWhatWasFlushedNeverAHalfCommit() {
    try (StateSession s = store.open("acme", false)) {
      s.put("u1", st("old", "a@x"));
      s.commit(T1);
    }
    StateSession s = store.open("acme", false);
    s.put("u1", st("flushed", "a@x"));
    s.flush();
    s.put("u2", st("pending", "b@x"));
    t.terminateConnections(); // the database goes away before the commit
    assertThatThrownBy(() -> s.commit(T2)).isInstanceOf(DatabaseException.class)
        .hasMessageContaining("committing the run of integration 'acme'")
        .hasMessageContaining("connection");
    s.close();
    try (StateSession after = store.open("acme", true)) {
      assertThat(after.lastSuccessfulRun()).as("the last successful run is still the old one").contains(T1);
      assertThat(after.get(List.of("u1", "u2"))).as("flushed batches are durable; the failed commit wrote nothing")
          .containsExactly(Map.entry("u1", st("flushed", "a@x")));
    }
  }
}
