package org.brexsync.connector.state.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.brexsync.connector.port.RecordState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The building blocks of the file store, driven past their in-memory limits with small budgets. */
class StateFilesTest {
  @TempDir Path dir;

  private static Rec put(String id, String fp, long seq) {
    return new Rec(Rec.utf8(id), Rec.body(RecordState.of(fp, id + "@x", Optional.empty())), seq);
  }

  @Test
  void theSortSpillsRunsToDiskAndKeepsTheLatestOperationOfEachId() throws Exception {
    Random random = new Random(7);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    long seq = 0;
    try (Sorter sorter = new Sorter(dir, 4096)) {
      for (int i : order) {
        sorter.add(put(String.format("u%04d", i), "first", seq++));
      }
      for (int i = 0; i < 3000; i += 3) {
        sorter.add(new Rec(Rec.utf8(String.format("u%04d", i)), null, seq++)); // removed later
      }
      for (int i = 1; i < 3000; i += 3) {
        sorter.add(put(String.format("u%04d", i), "second", seq++)); // changed later
      }
      long runs;
      try (java.util.stream.Stream<Path> files = Files.list(dir)) {
        runs = files.filter(p -> p.getFileName().toString().startsWith("sort-")).count();
      }
      assertThat(runs).as("spilled to disk").isGreaterThan(10);
      Sorter.Source out = sorter.finish();
      List<String> seen = new ArrayList<>();
      for (Rec r = out.next(); r != null; r = out.next()) {
        int i = Integer.parseInt(r.idText().substring(1));
        if (i % 3 == 0) {
          assertThat(r.body).as("u%d removed", i).isNull();
        } else {
          assertThat(Rec.state(r.body).fingerprint()).isEqualTo(i % 3 == 1 ? "second" : "first");
        }
        seen.add(r.idText());
      }
      assertThat(seen).hasSize(3000).isSorted().doesNotHaveDuplicates();
    }
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertThat(files.count()).as("run files deleted").isZero();
    }
  }

  @Test
  void theBaseFileFindsEveryRecordThroughItsSparseIndex() throws Exception {
    Path file = dir.resolve("state.bin");
    try (Sorter sorter = new Sorter(dir, 1 << 20)) {
      for (int i = 0; i < 1000; i++) {
        sorter.add(put("id-" + i, "fp" + i, i));
      }
      assertThat(Compaction.write(null, sorter.finish(), file, Optional.of(Instant.EPOCH))).isEqualTo(1000);
    }
    try (BaseFile base = BaseFile.open(file)) {
      assertThat(base.count()).isEqualTo(1000);
      for (int i = 0; i < 1000; i++) {
        assertThat(base.get(("id-" + i).getBytes(StandardCharsets.UTF_8))).as("id-%d", i)
            .hasValueSatisfying(s -> assertThat(s.fingerprint()).startsWith("fp"));
      }
      assertThat(base.get("id-".getBytes(StandardCharsets.UTF_8))).isEmpty();
      assertThat(base.get("id-99x".getBytes(StandardCharsets.UTF_8))).isEmpty();
      assertThat(base.get("zzz".getBytes(StandardCharsets.UTF_8))).isEmpty();
      assertThat(base.get("".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
  }

  @Test
  void runMarksGrowOutsideTheHeapAndStayExact() throws Exception {
    try (RunMarks marks = new RunMarks(dir, 10)) {
      for (int i = 0; i < 50_000; i++) {
        assertThat(marks.markSeen("user-" + i)).isTrue();
        assertThat(marks.claim("user" + i + "@x", "user-" + i)).isEmpty();
      }
      assertThat(marks.seenCount()).isEqualTo(50_000);
      assertThat(marks.markSeen("user-49999")).isFalse();
      assertThat(marks.isSeen("user-123".getBytes(StandardCharsets.UTF_8))).isTrue();
      assertThat(marks.isSeen("user-50000".getBytes(StandardCharsets.UTF_8))).isFalse();
      assertThat(marks.claim("user7@x", "other")).contains("user-7");
      assertThat(marks.claim("user7@x", "user-7")).isEmpty();
    }
    try (java.util.stream.Stream<Path> files = Files.list(dir)) {
      assertThat(files.count()).as("scratch files deleted").isZero();
    }
  }
}
