package org.brexsync.connector.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSyncStateStoreTest {
  @TempDir Path root;
  static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void committedStateSurvivesReopening() {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    try (StateSession s = store.open("brex people", false)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.of("alice")));
      s.put("u2", RecordState.of("fp2", "b\"\\@x", Optional.empty()));
      s.flush();
      s.commit(T);
    }
    try (StateSession s = FileSyncStateStore.at(root).open("brex people", false)) {
      assertThat(s.size()).isEqualTo(2);
      assertThat(s.get("u1")).contains(RecordState.of("fp1", "a@x", Optional.of("alice")));
      assertThat(s.get("u2")).contains(RecordState.of("fp2", "b\"\\@x", Optional.empty()));
      assertThat(s.lastSuccessfulRun()).contains(T);
    }
    assertThat(Files.exists(store.directoryOf("brex people").resolve("journal.jsonl"))).isFalse();
    assertThat(Files.exists(store.directoryOf("brex people").resolve("state.jsonl.tmp"))).isFalse();
  }

  @Test
  void flushedButUncommittedWritesAreReplayedAfterACrash() {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    try (StateSession s = store.open("i", false)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.commit(T);
    }
    StateSession crashed = store.open("i", false);
    crashed.put("u2", RecordState.of("fp2", "b@x", Optional.empty()));
    crashed.remove("u1");
    crashed.flush();
    crashed.put("u3", RecordState.of("fp3", "c@x", Optional.empty())); // never flushed: lost
    // the process dies here: simulate by releasing the lock without flushing the pending write
    releaseWithoutFlush(crashed);
    try (StateSession s = store.open("i", false)) {
      assertThat(s.get("u1")).isEmpty();
      assertThat(s.get("u2")).isPresent();
      assertThat(s.get("u3")).isEmpty();
      assertThat(s.lastSuccessfulRun()).contains(T);
    }
  }

  @Test
  void aTornLastJournalLineIsIgnored() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    try (StateSession s = store.open("i", false)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.flush();
    }
    Files.writeString(store.directoryOf("i").resolve("journal.jsonl"), "[\"P\",\"u2\",\"fp", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    try (StateSession s = store.open("i", false)) {
      assertThat(s.get("u1")).isPresent();
      assertThat(s.size()).isEqualTo(1);
    }
  }

  @Test
  void readOnlySessionsPersistNothing() {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    try (StateSession s = store.open("i", true)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.flush();
      s.commit(T);
    }
    try (StateSession s = store.open("i", false)) {
      assertThat(s.size()).isZero();
      assertThat(s.lastSuccessfulRun()).isEmpty();
    }
  }

  @Test
  void oneWriterPerIntegration() {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    try (StateSession first = store.open("i", false)) {
      assertThatThrownBy(() -> store.open("i", false)).isInstanceOf(StateStoreException.class).hasMessageContaining("in use");
      store.open("other", false).close();
    }
    store.open("i", false).close();
  }

  @Test
  void inMemoryStoreKeepsStatePerIntegration() {
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    try (StateSession s = store.open("a", false)) {
      s.put("u1", RecordState.of("fp", "k", Optional.empty()));
      s.commit(T);
    }
    assertThat(store.size("a")).isEqualTo(1);
    assertThat(store.size("b")).isZero();
    try (StateSession s = store.open("a", false)) {
      assertThat(s.lastSuccessfulRun()).contains(T);
    }
  }

  private static void releaseWithoutFlush(StateSession s) {
    try {
      java.lang.reflect.Field pending = s.getClass().getDeclaredField("pending");
      pending.setAccessible(true);
      ((StringBuilder) pending.get(s)).setLength(0);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    s.close();
  }
}
