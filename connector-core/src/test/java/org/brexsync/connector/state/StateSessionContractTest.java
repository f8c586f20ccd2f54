package org.brexsync.connector.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.SyncStateStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The StateSession contract, as every store keeps it (the file store and the in-memory store). */
class StateSessionContractTest {
  static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
  @TempDir static Path root;

  static Stream<Arguments> stores() {
    Function<String, SyncStateStore> file = name -> FileSyncStateStore.at(root.resolve(name));
    Function<String, SyncStateStore> memory = name -> InMemorySyncStateStore.create();
    return Stream.of(Arguments.of("file", file), Arguments.of("memory", memory));
  }

  private static SyncStateStore seeded(Function<String, SyncStateStore> factory, String name) {
    SyncStateStore store = factory.apply(name);
    try (StateSession s = store.open("i", false)) {
      for (String id : List.of("c", "a", "e", "b", "d")) {
        s.put(id, RecordState.of("fp-" + id, id + "@x", Optional.empty()));
      }
      s.commit(T);
    }
    return store;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void markSeenTellsWhichIdsAnEarlierCallMarked(String kind, Function<String, SyncStateStore> factory) {
    SyncStateStore store = seeded(factory, kind + "-seen");
    try (StateSession s = store.open("i", false)) {
      assertThat(s.markSeen(List.of("a", "x"))).isEmpty();
      assertThat(s.markSeen(List.of("b", "a", "x", "y"))).containsExactlyInAnyOrder("a", "x");
    }
    try (StateSession s = store.open("i", false)) {
      assertThat(s.markSeen(List.of("a"))).as("marks belong to one session").isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void theFirstIdToClaimASyncKeyOwnsItForTheRun(String kind, Function<String, SyncStateStore> factory) {
    SyncStateStore store = seeded(factory, kind + "-claims");
    try (StateSession s = store.open("i", false)) {
      assertThat(s.claimKeys(Map.of("ada@x", "u1", "bob@x", "u2"))).isEmpty();
      assertThat(s.claimKeys(Map.of("ada@x", "u1"))).as("the owner again").isEmpty();
      assertThat(s.claimKeys(Map.of("ada@x", "u9", "cy@x", "u3"))).containsExactly(Map.entry("ada@x", "u1"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void unseenRecordsAreStreamedInIdOrderAndMayBeChangedWhileVisited(String kind, Function<String, SyncStateStore> factory) {
    SyncStateStore store = seeded(factory, kind + "-unseen");
    try (StateSession s = store.open("i", false)) {
      s.markSeen(List.of("b", "d"));
      List<String> unseen = new ArrayList<>();
      s.forEachUnseen((id, st) -> {
        unseen.add(id);
        if (id.equals("a")) {
          s.remove(id);
        } else {
          s.put(id, RecordState.of("gone", st.syncKey(), Optional.empty()));
        }
      });
      assertThat(unseen).containsExactly("a", "c", "e");
      s.commit(T.plusSeconds(1));
    }
    try (StateSession s = store.open("i", true)) {
      List<String> all = new ArrayList<>();
      s.forEach((id, st) -> all.add(id + ":" + st.fingerprint()));
      assertThat(all).containsExactly("b:fp-b", "c:gone", "d:fp-d", "e:gone");
      assertThat(s.lastSuccessfulRun()).contains(T.plusSeconds(1));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void readsSeeTheStateAtOpenAndAPageIsReadInOneCall(String kind, Function<String, SyncStateStore> factory) {
    SyncStateStore store = seeded(factory, kind + "-reads");
    try (StateSession s = store.open("i", false)) {
      assertThat(s.size()).isEqualTo(5);
      assertThat(s.get(List.of("a", "zz", "e"))).containsOnlyKeys("a", "e");
      assertThat(s.get("c")).contains(RecordState.of("fp-c", "c@x", Optional.empty()));
      assertThat(s.lastSuccessfulRun()).contains(T);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void targetKeysAreRememberedForTheSession(String kind, Function<String, SyncStateStore> factory) {
    SyncStateStore store = seeded(factory, kind + "-targets");
    try (StateSession s = store.open("i", false)) {
      assertThat(s.targetKeys(List.of("a@x"))).isEmpty();
      s.markTargetKeys(List.of("a@x", "b@x"));
      s.markTargetKeys(List.of("b@x", "c@x"));
      assertThat(s.targetKeys(List.of("c@x", "z@x", "a@x"))).containsExactlyInAnyOrder("a@x", "c@x");
    }
    try (StateSession s = store.open("i", false)) {
      assertThat(s.targetKeys(List.of("a@x"))).as("marks belong to one session").isEmpty();
    }
  }
}
