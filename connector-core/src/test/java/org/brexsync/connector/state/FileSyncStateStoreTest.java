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
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateStoreException;

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
  void aReadOnlySessionCreatesNothingOnDisk() {
    Path stateRoot = root.resolve("not-yet");
    FileSyncStateStore store = FileSyncStateStore.at(stateRoot);

    try (StateSession s = store.open("i", true)) {
      assertThat(s.size()).isZero();
      assertThat(s.lastSuccessfulRun()).isEmpty();
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.commit(T);
    }

    assertThat(stateRoot).doesNotExist();
  }

  @Test
  void aReadOnlySessionReadsExistingStateWithoutLocking() {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    try (StateSession s = store.open("i", false)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.commit(T);
    }
    try (StateSession writer = store.open("i", false); StateSession dry = store.open("i", true)) {
      assertThat(dry.get("u1")).isPresent();
      assertThat(dry.lastSuccessfulRun()).contains(T);
    }
  }

  @Test
  void aTruncatedSnapshotIsReportedAsCorruptNamingTheFileAndTheWayOut() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path snapshot = committedSnapshot(store);
    String text = Files.readString(snapshot, StandardCharsets.UTF_8);
    Files.writeString(snapshot, text.substring(0, text.length() - 7), StandardCharsets.UTF_8); // cut mid-record

    assertThatThrownBy(() -> store.open("i", false))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(snapshot.toString())
        .hasMessageContaining("corrupt")
        .hasMessageContaining("line 3")
        .hasMessageContaining("move the directory " + store.directoryOf("i").toAbsolutePath())
        .satisfies(e -> assertThat(((CorruptStateException) e).file()).isEqualTo(snapshot));
  }

  @Test
  void garbageInTheSnapshotIsCorruptNotAnIoFailure() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path snapshot = committedSnapshot(store);
    Files.write(snapshot, new byte[] {'{', '"', 'f', 0x00, (byte) 0xC3, 0x28, '\n', '[', '1', ']', '\n'});

    assertThatThrownBy(() -> store.open("i", true)).isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(snapshot.toString());
  }

  @Test
  void aBadJournalLineBeforeTheLastIsCorrupt() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    try (StateSession s = store.open("i", false)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.flush();
    }
    Path journal = store.directoryOf("i").resolve("journal.jsonl");
    Files.writeString(journal, "not json\n[\"D\",\"u1\"]\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    assertThatThrownBy(() -> store.open("i", false)).isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(journal.toString()).hasMessageContaining("line 2");
  }

  @Test
  void aFailedOpenReleasesTheLockAtOnce() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path snapshot = committedSnapshot(store);
    Files.writeString(snapshot, "{\"format\":1}\n[\"u1\",", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> store.open("i", false)).isInstanceOf(CorruptStateException.class);

    // The application recovers as the message says, in the same JVM, without waiting for GC.
    Files.delete(snapshot);
    try (StateSession s = store.open("i", false)) {
      assertThat(s.size()).isZero();
    }
  }

  private static Path committedSnapshot(FileSyncStateStore store) {
    try (StateSession s = store.open("i", false)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.put("u2", RecordState.of("fp2", "b@x", Optional.of("bob")));
      s.commit(T);
    }
    return store.directoryOf("i").resolve("state.jsonl");
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
