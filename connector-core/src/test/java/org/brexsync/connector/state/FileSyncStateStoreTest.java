package org.brexsync.connector.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.StateStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSyncStateStoreTest {
  @TempDir Path root;
  static final Instant T = Instant.parse("2026-11-27T10:00:00.123456789Z");

  @Test
  void committedStateSurvivesReopening() {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    try (StateSession s = store.open("brex people", false)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.of("alice")));
      s.put("u2", RecordState.of("fp2", "b\"\\@x", Optional.empty()));
      s.put("ü3", RecordState.of("fp3", "ü@x", Optional.of("ü")));
      s.flush();
      s.commit(T);
    }
    try (StateSession s = FileSyncStateStore.at(root).open("brex people", false)) {
      assertThat(s.size()).isEqualTo(3);
      assertThat(s.get("u1")).contains(RecordState.of("fp1", "a@x", Optional.of("alice")));
      assertThat(s.get("u2")).contains(RecordState.of("fp2", "b\"\\@x", Optional.empty()));
      assertThat(s.get("ü3")).contains(RecordState.of("fp3", "ü@x", Optional.of("ü")));
      assertThat(s.get("u0")).isEmpty();
      assertThat(s.lastSuccessfulRun()).contains(T);
    }
    Path dir = store.directoryOf("brex people");
    assertThat(dir.resolve("journal.bin")).doesNotExist();
    assertThat(dir.resolve("state.bin.tmp")).doesNotExist();
  }

  @Test
  void manyRecordsAreFoundAndVisitedInIdOrderAcrossCommits() {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    try (StateSession s = store.open("i", false)) {
      for (int i = 0; i < 5000; i += 2) {
        s.put(String.format("u%05d", i), RecordState.of("a" + i, "k" + i, Optional.empty()));
      }
      s.commit(T);
    }
    try (StateSession s = store.open("i", false)) {
      for (int i = 1; i < 5000; i += 2) {
        s.put(String.format("u%05d", i), RecordState.of("b" + i, "k" + i, Optional.of("t" + i)));
      }
      s.remove("u00000");
      s.put("u00002", RecordState.of("changed", "k2", Optional.empty()));
      s.commit(T.plusSeconds(60));
    }
    try (StateSession s = store.open("i", true)) {
      assertThat(s.size()).isEqualTo(4999);
      assertThat(s.get("u00000")).isEmpty();
      assertThat(s.get("u00002")).contains(RecordState.of("changed", "k2", Optional.empty()));
      assertThat(s.get("u04999")).contains(RecordState.of("b4999", "k4999", Optional.of("t4999")));
      assertThat(s.get(List.of("u00001", "u00003", "nobody"))).containsOnlyKeys("u00001", "u00003");
      List<String> ids = new ArrayList<>();
      s.forEach((id, st) -> ids.add(id));
      assertThat(ids).hasSize(4999).isSorted().first().isEqualTo("u00001");
      assertThat(s.lastSuccessfulRun()).contains(T.plusSeconds(60));
    }
  }

  @Test
  void flushedButUncommittedWritesAreReplayedAfterACrash() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path dir = store.directoryOf("i");
    try (StateSession s = store.open("i", false)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.commit(T);
    }
    Map<String, byte[]> atCrash;
    try (StateSession crashed = store.open("i", false)) {
      crashed.put("u2", RecordState.of("fp2", "b@x", Optional.empty()));
      crashed.remove("u1");
      crashed.flush();
      crashed.put("u3", RecordState.of("fp3", "c@x", Optional.empty())); // never flushed: lost
      // the process dies here: its files are what the flush left
      atCrash = files(dir);
    }
    restore(dir, atCrash);
    try (StateSession s = store.open("i", false)) {
      assertThat(s.get("u1")).isEmpty();
      assertThat(s.get("u2")).isPresent();
      assertThat(s.get("u3")).isEmpty();
      assertThat(s.lastSuccessfulRun()).contains(T);
    }
    assertThat(dir.resolve("journal.bin")).as("merged into the state at open").doesNotExist();
  }

  @Test
  void aTornLastJournalFrameIsIgnored() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    try (StateSession s = store.open("i", false)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.flush();
      s.put("u2", RecordState.of("fp2", "b@x", Optional.empty()));
      s.flush();
    }
    Path journal = store.directoryOf("i").resolve("journal.bin");
    byte[] all = Files.readAllBytes(journal);
    Files.write(journal, java.util.Arrays.copyOf(all, all.length - 3)); // the second frame torn
    try (StateSession s = store.open("i", false)) {
      assertThat(s.get("u1")).isPresent();
      assertThat(s.get("u2")).isEmpty();
      assertThat(s.size()).isEqualTo(1);
    }
  }

  @Test
  void aBadJournalFrameBeforeTheLastIsCorrupt() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    try (StateSession s = store.open("i", false)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.flush();
      s.put("u2", RecordState.of("fp2", "b@x", Optional.empty()));
      s.flush();
    }
    Path journal = store.directoryOf("i").resolve("journal.bin");
    byte[] all = Files.readAllBytes(journal);
    all[8 + 8 + 3] ^= 0x55; // a byte inside the first frame's payload
    Files.write(journal, all);

    assertThatThrownBy(() -> store.open("i", false)).isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(journal.toString()).hasMessageContaining("frame 1");
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
      assertThat(s.markSeen(List.of("u1"))).isEmpty();
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.commit(T);
    }

    assertThat(stateRoot).doesNotExist();
  }

  @Test
  void aReadOnlySessionReadsExistingStateWithoutLockingOrChangingIt() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path dir = store.directoryOf("i");
    try (StateSession s = store.open("i", false)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.commit(T);
    }
    try (StateSession s = store.open("i", false)) {
      s.put("u2", RecordState.of("fp2", "b@x", Optional.empty()));
      s.flush(); // an uncommitted journal, as a failed run leaves it
    }
    Map<String, byte[]> before = files(dir);
    try (StateSession dry = store.open("i", true)) {
      assertThat(dry.get("u2")).as("the uncommitted journal is read").isPresent();
      assertThat(dry.get("u1")).isPresent();
    }
    Map<String, byte[]> after = files(dir);
    assertThat(names(after)).isEqualTo(names(before)).contains("journal.bin");
    before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
    try (StateSession writer = store.open("i", false); StateSession dry = store.open("i", true)) {
      assertThat(dry.get("u1")).isPresent();
      assertThat(dry.lastSuccessfulRun()).contains(T);
    }
  }

  @Test
  void aTruncatedStateFileIsReportedAsCorruptNamingTheFileAndTheWayOut() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path base = committedBase(store);
    byte[] all = Files.readAllBytes(base);
    Files.write(base, java.util.Arrays.copyOf(all, all.length - 7));

    assertThatThrownBy(() -> store.open("i", false))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(base.toString())
        .hasMessageContaining("corrupt")
        .hasMessageContaining("truncated")
        .hasMessageContaining("move the directory " + store.directoryOf("i").toAbsolutePath())
        .satisfies(e -> assertThat(((CorruptStateException) e).file()).isEqualTo(base));
  }

  @Test
  void aChangedByteInTheStateFileIsCorruptNotAnIoFailure() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path base = committedBase(store);
    byte[] all = Files.readAllBytes(base);
    all[32 + 5] ^= 0x01; // inside the first record
    Files.write(base, all);

    assertThatThrownBy(() -> store.open("i", true)).isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(base.toString());
  }

  @Test
  void garbageInTheStateFileIsCorrupt() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path base = committedBase(store);
    Files.write(base, new byte[] {'{', '"', 'f', 0x00, (byte) 0xC3, 0x28, '\n', '[', '1', ']', '\n'});

    assertThatThrownBy(() -> store.open("i", true)).isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(base.toString());
  }

  @Test
  void aFailedOpenReleasesTheLockAtOnce() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path base = committedBase(store);
    Files.write(base, new byte[] {1, 2, 3});

    assertThatThrownBy(() -> store.open("i", false)).isInstanceOf(CorruptStateException.class);

    // The application recovers as the message says, in the same JVM, without waiting for GC.
    Files.delete(base);
    try (StateSession s = store.open("i", false)) {
      assertThat(s.size()).isZero();
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
  void scratchFilesOfACrashedRunAreRemovedByTheNextWriter() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path dir = store.directoryOf("i");
    Map<String, byte[]> atCrash;
    try (StateSession s = store.open("i", false)) {
      s.markSeen(List.of("u1", "u2"));
      s.claimKeys(Map.of("a@x", "u1"));
      atCrash = files(dir);
    }
    assertThat(names(atCrash)).anyMatch(n -> n.endsWith(".tmp"));
    restore(dir, atCrash);
    store.open("i", false).close();
    assertThat(names(files(dir))).noneMatch(n -> n.endsWith(".tmp"));
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

  // ---------------------------------------------------------------- the first file format

  @Test
  void aDirectoryInTheFirstFormatIsReadAndConvertedOnce() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path dir = store.directoryOf("i");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("state.jsonl"), "{\"format\":1,\"lastSuccessfulRun\":\"2026-11-27T10:00:00Z\"}\n"
        + "[\"u2\",\"fp2\",\"b@x\",\"bob\"]\n[\"u1\",\"fp1\",\"a@x\",\"\"]\n[\"u3\",\"fp3\",\"c@x\",\"\"]\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("journal.jsonl"), "[\"P\",\"u4\",\"fp4\",\"d@x\",\"dan\"]\n[\"D\",\"u3\"]\n"
        + "[\"P\",\"u1\",\"fp1b\",\"a@x\",\"ada\"]\n[\"P\",\"u5\",\"fp", StandardCharsets.UTF_8); // torn last line

    try (StateSession dry = store.open("i", true)) {
      assertThat(dry.get("u1")).contains(RecordState.of("fp1b", "a@x", Optional.of("ada")));
    }
    assertThat(dir.resolve("state.jsonl")).as("a dry run leaves the directory as it is").exists();
    assertThat(dir.resolve("state.bin")).doesNotExist();

    try (StateSession s = store.open("i", false)) {
      assertThat(s.size()).isEqualTo(3);
      assertThat(s.get("u1")).contains(RecordState.of("fp1b", "a@x", Optional.of("ada")));
      assertThat(s.get("u2")).contains(RecordState.of("fp2", "b@x", Optional.of("bob")));
      assertThat(s.get("u3")).isEmpty();
      assertThat(s.get("u4")).contains(RecordState.of("fp4", "d@x", Optional.of("dan")));
      assertThat(s.get("u5")).isEmpty();
      assertThat(s.lastSuccessfulRun()).contains(Instant.parse("2026-11-27T10:00:00Z"));
    }
    assertThat(names(files(dir))).containsExactly("state.bin");
    try (StateSession s = store.open("i", false)) {
      assertThat(s.size()).isEqualTo(3);
    }
  }

  @Test
  void aTruncatedFirstFormatSnapshotIsCorruptNamingTheLine() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path dir = store.directoryOf("i");
    Files.createDirectories(dir);
    Path snapshot = dir.resolve("state.jsonl");
    Files.writeString(snapshot, "{\"format\":1}\n[\"u1\",\"fp1\",\"a@x\",\"\"]\n[\"u2\",\"fp", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> store.open("i", false))
        .isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(snapshot.toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("move the directory " + dir.toAbsolutePath());
    assertThat(snapshot).as("nothing converted, nothing lost").exists();
    assertThat(dir.resolve("state.bin")).doesNotExist();
  }

  @Test
  void aBadFirstFormatJournalLineBeforeTheLastIsCorrupt() throws Exception {
    FileSyncStateStore store = FileSyncStateStore.at(root);
    Path dir = store.directoryOf("i");
    Files.createDirectories(dir);
    Path journal = dir.resolve("journal.jsonl");
    Files.writeString(journal, "[\"P\",\"u1\",\"fp1\",\"a@x\",\"\"]\nnot json\n[\"D\",\"u1\"]\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> store.open("i", false)).isInstanceOf(CorruptStateException.class)
        .hasMessageContaining(journal.toString()).hasMessageContaining("line 2");
  }

  // ---------------------------------------------------------------- helpers

  private static Path committedBase(FileSyncStateStore store) {
    try (StateSession s = store.open("i", false)) {
      s.put("u1", RecordState.of("fp1", "a@x", Optional.empty()));
      s.put("u2", RecordState.of("fp2", "b@x", Optional.of("bob")));
      s.commit(T);
    }
    return store.directoryOf("i").resolve("state.bin");
  }

  /** The regular files of a directory but the lock, by name (what a killed process leaves). */
  static Map<String, byte[]> files(Path directory) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    try (Stream<Path> list = Files.list(directory)) {
      for (Path f : list.collect(Collectors.toList())) {
        if (Files.isRegularFile(f) && !f.getFileName().toString().equals("lock")) {
          out.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
      }
    }
    return out;
  }

  static void restore(Path directory, Map<String, byte[]> image) throws IOException {
    for (String name : files(directory).keySet()) {
      Files.delete(directory.resolve(name));
    }
    for (Map.Entry<String, byte[]> f : image.entrySet()) {
      Files.write(directory.resolve(f.getKey()), f.getValue(), StandardOpenOption.CREATE_NEW);
    }
  }

  private static List<String> names(Map<String, byte[]> files) {
    return files.keySet().stream().sorted().collect(Collectors.toList());
  }
}
