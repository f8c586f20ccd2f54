package org.brexsync.connector.state.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run marks' log is read three ways: through a memory mapping (once the pass over the state asks
 * whether ids were seen), from the write buffer (entries not yet written out) and from the file
 * (written after the mapping was made). Every way must give the same answers.
 */
class RunMarksTest {
  @TempDir Path scratch;

  private static String id(int i) {
    return "user_" + i + "_" + "x".repeat(i % 37);
  }

  @Test
  void seenIdsAreFoundWhereverTheirEntryLivesAndTheMarksGrowPastTheirFirstSize() throws IOException {
    try (RunMarks marks = new RunMarks(scratch, 16)) {
      // ~40,000 entries: the tables grow many times and the 64 KiB write buffer is written out often
      for (int i = 0; i < 20_000; i++) {
        assertThat(marks.markSeen(id(i))).isTrue();
      }
      // the first query maps the log
      assertThat(marks.isSeen(bytes(id(0)))).isTrue();
      assertThat(marks.isSeen(bytes(id(19_999)))).isTrue();
      assertThat(marks.isSeen(bytes("nobody"))).isFalse();
      // marks added after the mapping: some written out past its end, the last ones still buffered
      for (int i = 20_000; i < 24_000; i++) {
        assertThat(marks.markSeen(id(i))).isTrue();
        assertThat(marks.markSeen(id(i - 20_000))).as("marked before").isFalse();
      }
      assertThat(marks.markSeen(id(23_999))).isFalse();
      for (int i = 0; i < 24_000; i += 7) {
        assertThat(marks.isSeen(bytes(id(i)))).as(id(i)).isTrue();
      }
      assertThat(marks.isSeen(bytes(id(24_000)))).isFalse();
      assertThat(marks.seenCount()).isEqualTo(24_000);
    }
  }

  @Test
  void claimedKeysKeepTheirFirstOwnerAcrossTheMappedLog() throws IOException {
    try (RunMarks marks = new RunMarks(scratch, 16)) {
      for (int i = 0; i < 5_000; i++) {
        assertThat(marks.claim("k" + i + "@example.com", "owner" + i)).isEmpty();
        marks.markSeen(id(i));
      }
      assertThat(marks.isSeen(bytes(id(1)))).isTrue(); // maps the log
      assertThat(marks.claim("k1@example.com", "owner1")).as("the owner itself").isEmpty();
      assertThat(marks.claim("k1@example.com", "someone")).hasValue("owner1");
      assertThat(marks.claim("k4999@example.com", "someone")).hasValue("owner4999");
      assertThat(marks.claim("new@example.com", "owner-new")).isEmpty();
      assertThat(marks.claim("new@example.com", "late")).hasValue("owner-new");
      marks.markTarget("t@example.com");
      assertThat(marks.isTarget("t@example.com")).isTrue();
      assertThat(marks.isTarget("u@example.com")).isFalse();
    }
  }

  @Test
  void anIdTooLongForTheLogIsRefusedInsteadOfNeverMatchingAgain() throws IOException {
    String huge = "u".repeat(RunMarks.MAX_ENTRY + 10);
    try (RunMarks marks = new RunMarks(scratch, 16)) {
      assertThatThrownBy(() -> marks.markSeen(huge)).isInstanceOf(IOException.class).hasMessageContaining("65535");
      String longest = "v".repeat(RunMarks.MAX_ENTRY);
      assertThat(marks.markSeen(longest)).isTrue();
      assertThat(marks.isSeen(bytes(longest))).isTrue();
      assertThat(marks.markSeen(longest)).isFalse();
    }
  }

  @Test
  void closeLeavesNoScratchFileWhetherOrNotTheLogWasMapped() throws IOException {
    RunMarks unmapped = new RunMarks(scratch, 16);
    unmapped.markSeen("a");
    unmapped.close();
    RunMarks mapped = new RunMarks(scratch, 16);
    for (int i = 0; i < 3_000; i++) {
      mapped.markSeen(id(i));
    }
    mapped.claim("k", "a");
    mapped.markTarget("k");
    assertThat(mapped.isSeen(bytes(id(5)))).isTrue();
    mapped.close();
    mapped.close(); // twice is harmless
    try (Stream<Path> left = Files.list(scratch)) {
      assertThat(left).isEmpty();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
