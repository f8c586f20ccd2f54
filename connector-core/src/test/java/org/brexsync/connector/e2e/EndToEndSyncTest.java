package org.brexsync.connector.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.SyncMode;
import org.brexsync.connector.SyncPreference;
import org.brexsync.connector.brex.BrexUserSource;
import org.brexsync.connector.filter.FilterRule;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.connector.port.UserPage;
import org.brexsync.connector.port.UserSource;
import org.brexsync.connector.state.FileSyncStateStore;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.BulkResult;
import org.brexsync.connector.port.BulkUpload;
import org.brexsync.connector.sync.RecordOutcome;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SafetyPolicy;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.connector.port.UserSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndToEndSyncTest {
  static final int USERS = 120;
  Sandbox box = new Sandbox(USERS);
  @TempDir Path dir;

  @AfterEach
  void close() {
    box.close();
  }

  static Integration.Builder integration() {
    return Integration.builder()
        .name("e2e")
        .mapping(Mapping.standard(25).withRule(MappingRule.of("brex_status", "status")).withRule(MappingRule.of("position", "title.name")))
        .batchSize(50)
        .pageSize(100)
        .concurrency(4);
  }

  long writes() {
    return box.oomnitza.users().stream().filter(u -> u.hasNonNull("brex_user_id")).count();
  }

  @Test
  void coldSyncThenNoChangeResyncWithZeroWrites() {
    FileSyncStateStore store = FileSyncStateStore.at(dir);
    SyncReport cold = box.engine(integration().build(), store).build().run();
    int brexUsers = box.brex.userCount();
    assertThat(cold.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(cold.count(Situation.CREATE)).isEqualTo(brexUsers);
    assertThat(box.oomnitza.userCount()).isGreaterThanOrEqualTo(brexUsers);
    ObjectNode any = box.brex.user(box.brex.adminUserId()).get();
    ObjectNode inOomnitza = box.oomnitza.userBy("brex_user_id", any.get("id").asText()).get();
    assertThat(inOomnitza.get("username").asText()).isEqualTo(any.get("id").asText());
    assertThat(inOomnitza.get("email").asText()).isEqualTo(any.get("email").asText().toLowerCase());
    assertThat(inOomnitza.path("position").asText()).isNotBlank();

    String stateBefore = box.oomnitza.users().toString();
    SyncReport again = box.engine(integration().build(), store).build().run();
    assertThat(again.count(Situation.UNCHANGED)).isEqualTo(brexUsers);
    assertThat(again.writes()).isZero();
    assertThat(again.httpCalls()).containsEntry("oomnitza", 0L);
    assertThat(box.oomnitza.users().toString()).isEqualTo(stateBefore);
  }

  @Test
  void changedBrexFieldsUpdateOnlyThoseFields() {
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    box.engine(integration().build(), store).build().run();
    String id = box.brex.adminUserId();
    box.brex.setUserStatus(id, "DISABLED");
    SyncReport r = box.engine(integration().build(), store).build().run();
    assertThat(r.count(Situation.UPDATE)).as(r.summary()).isEqualTo(1);
    RecordOutcome o = r.outcomes(Situation.UPDATE).get(0);
    assertThat(o.sourceId()).isEqualTo(id);
    assertThat(o.changes()).singleElement().satisfies(c -> {
      assertThat(c.field()).isEqualTo("brex_status");
      assertThat(c.to().get().asText()).isEqualTo("DISABLED");
    });
    assertThat(box.oomnitza.userBy("brex_user_id", id).get().get("brex_status").asText()).isEqualTo("DISABLED");
    assertThat(r.writes()).isEqualTo(1);
  }

  @Test
  void createOnlyAndUpdateOnlyAgainstPreexistingPeople() {
    String adminId = box.brex.adminUserId();
    String adminEmail = box.brex.user(adminId).get().get("email").asText().toLowerCase();
    box.oomnitza.addUser(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
        .put("username", "preexisting").put("email", adminEmail).put("first_name", "Old"));
    SyncReport updateOnly = box.engine(integration().preference(SyncPreference.UPDATE_ONLY).build(), InMemorySyncStateStore.create()).build().run();
    assertThat(updateOnly.count(Situation.UPDATE)).isEqualTo(1);
    assertThat(updateOnly.count(Situation.SKIPPED)).isEqualTo(box.brex.userCount() - 1);
    assertThat(box.oomnitza.userCount()).isEqualTo(1 + baseline());
    SyncReport createOnly = box.engine(integration().preference(SyncPreference.CREATE_ONLY).build(), InMemorySyncStateStore.create()).build().run();
    assertThat(createOnly.count(Situation.CREATE)).isEqualTo(box.brex.userCount() - 1);
    assertThat(createOnly.count(Situation.UNCHANGED)).isEqualTo(1);
  }

  private int baseline() {
    return (int) box.oomnitza.users().stream().filter(u -> !u.hasNonNull("brex_user_id") && !"preexisting".equals(u.path("username").asText())).count();
  }

  @Test
  void saasModeAssignsSyncedPeopleAsSaasUsers() {
    String saasId = box.oomnitza.saasId("Brex");
    Integration in = integration().mode(SyncMode.USER_PLUS_SAAS_USER).saasId(saasId).filters(RecordFilter.of(FilterRule.includeIn("status", "ACTIVE"))).build();
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    SyncReport r = box.engine(in, store).build().run();
    assertThat(r.count(Situation.CREATE)).isEqualTo(r.processed() - r.count(Situation.SKIPPED));
    assertThat(box.oomnitza.saasUsers()).hasSize((int) r.count(Situation.CREATE));
    assertThat(box.engine(in, store).build().run().writes()).isZero();
    assertThat(box.oomnitza.saasUsers()).hasSize((int) r.count(Situation.CREATE));
    assertThat(r.count(Situation.CREATE)).isPositive();
  }

  @Test
  void dryRunReportEqualsRealRunAndWritesNothing() {
    // Filtered-out users are decided before their batch is written: the report still lists every
    // record in the same order as the dry run, although real writes overlap later batches.
    Integration in = integration().filters(RecordFilter.of(FilterRule.includeIn("status", "ACTIVE", "INVITED"))).build();
    SyncReport dry = box.engine(in, InMemorySyncStateStore.create()).dryRun(true).build().run();
    assertThat(writes()).isZero();
    SyncReport real = box.engine(in, InMemorySyncStateStore.create()).build().run();
    assertThat(real.count(Situation.SKIPPED)).isPositive();
    assertThat(dry.totals()).isEqualTo(real.totals());
    assertThat(dry.outcomes()).usingElementComparatorIgnoringFields("targetId").isEqualTo(real.outcomes());
  }

  @Test
  void bulkSinkRunIsFinalizedAndVisibleInRunLogs() {
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    SyncReport r = box.engine(integration().sink(SinkType.BULK).build(), store).build().run();
    assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(box.oomnitza.userBy("brex_user_id", box.brex.adminUserId())).isPresent();
    assertThat(box.oomnitza.run(r.runId())).isPresent();
    assertThat(box.oomnitza.run(r.runId()).get().path("status").asText()).isEqualTo("Completed");
    assertThat(box.oomnitza.run(r.runId()).get().path("objects").path("added").asInt()).isEqualTo(box.brex.userCount());
    assertThat(box.engine(integration().sink(SinkType.BULK).build(), store).build().run().writes()).isZero();
  }

  @Test
  void runUnderInjectedFaultsEndsInTheSameStateAsACleanRun() {
    Map<String, String> clean;
    try (Sandbox reference = new Sandbox(USERS)) {
      reference.engine(integration().build(), InMemorySyncStateStore.create()).build().run();
      clean = Sandbox.project(reference.oomnitza.users(), "username", "email", "first_name", "last_name", "role", "brex_status", "position");
    }
    box.brex.faults().seed(7).errorRate(0.04, 500, 502, 503).rateLimitRate(0.03).resetRate(0.03);
    box.oomnitza.faults().seed(11).errorRate(0.04, 500, 502, 503).rateLimitRate(0.03).resetRate(0.03);
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    SyncReport faulty = box.engine(integration().build(), store).build().run();
    assertThat(box.brex.faults().injectedCount() + box.oomnitza.faults().injectedCount()).isPositive();
    // A create failing with a 5xx or reset is not retried blindly by the client; the engine looks the
    // person up by the sync key before creating again, so one run converges without duplicates.
    assertThat(faulty.status()).as(faulty.summary()).isEqualTo(RunStatus.SUCCEEDED);
    Map<String, String> actual = Sandbox.project(box.oomnitza.users(), "username", "email", "first_name", "last_name", "role", "brex_status", "position");
    java.util.Set<String> differing = new java.util.TreeSet<>();
    clean.forEach((k, v) -> { if (!v.equals(actual.get(k))) differing.add(k + ": " + v + " != " + actual.get(k)); });
    actual.forEach((k, v) -> { if (!clean.containsKey(k)) differing.add("extra " + k + ": " + v); });
    assertThat(differing).as(faulty.summary()).isEmpty();
  }

  @Test
  void crashMidRunThenReRunConvergesWithoutDuplicates() throws Exception {
    Integration in = integration().build();
    // Batches follow Brex's listing order: two full batches of 50, then the rest.
    List<String> order = brexIdsInListingOrder(in.pageSize());
    assertThat(order).hasSizeGreaterThan(2 * 50);
    Set<String> firstTwoBatches = new LinkedHashSet<>(order.subList(0, 100));
    Set<String> thirdBatch = new LinkedHashSet<>(order.subList(100, order.size()));
    int landed = 5;

    // The process dies right after the second batch is finished. To make "in flight" exact, the
    // third batch is writing by then: its first 5 creates reach Oomnitza, the others never do.
    // At that instant the state directory is what a killed process leaves on disk; the engine's
    // cleanup after the Error (closing the store) would not run in a real crash, so the disk is
    // put back to that image before anything is checked.
    FileSyncStateStore store = FileSyncStateStore.at(dir);
    Path stateDir = store.directoryOf(in.name());
    Map<String, byte[]> diskAtDeath = new java.util.HashMap<>();
    java.util.concurrent.atomic.AtomicLong processedAtDeath = new java.util.concurrent.atomic.AtomicLong();
    AtomicBoolean dead = new AtomicBoolean();
    SyncListener crashAfterTwoBatches = new SyncListener() {
      @Override
      public void onProgress(org.brexsync.connector.sync.SyncProgress p) {
        if (dead.get()) {
          throw new Crash();
        }
        // Progress is reported after each Brex page and each finished batch; the first report
        // that counts 100 records is the one after the second batch.
        if (p.processed() >= 100) {
          processedAtDeath.set(p.processed());
          diskAtDeath.putAll(files(stateDir));
          dead.set(true);
          throw new Crash();
        }
      }

      @Override
      public void onRecord(RecordOutcome o) {
        if (dead.get()) {
          throw new Crash(); // a dead process runs no more code, not even the engine's cleanup
        }
      }
    };
    CrashingSink sink = new CrashingSink(box.sink(), firstTwoBatches, thirdBatch, landed);
    ExecutorService writers = Executors.newFixedThreadPool(in.concurrency());
    try {
      // The engine turns the Error into a FAILED report naming it (it never passes as a success).
      SyncReport crashed = box.engine(in, store).sink(sink).executor(writers).listener(crashAfterTwoBatches)
          .build().run();
      assertThat(crashed.status()).as("the run dies after two batches").isEqualTo(RunStatus.FAILED);
      assertThat(crashed.reason()).hasValueSatisfying(m -> assertThat(m).contains("Crash"));
    } finally {
      sink.die();
      writers.shutdown();
    }
    assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).as("writes in flight ended").isTrue();
    assertThat(processedAtDeath.get()).as("died when the second batch was finished").isEqualTo(100);
    restore(stateDir, diskAtDeath);

    // What the crash left behind: Oomnitza holds the two finished batches plus the 5 creates that
    // were in flight, nobody else; the journal on disk knows exactly the two finished batches (each
    // batch is made durable when it finishes) and no successful run.
    List<String> inOomnitza = syncedBrexIds();
    assertThat(sink.landed()).hasSize(landed);
    assertThat(inOomnitza).doesNotHaveDuplicates().hasSize(100 + landed)
        .containsAll(firstTwoBatches).containsAll(sink.landed());
    Map<String, RecordState> journaled = new java.util.HashMap<>();
    try (StateSession journal = FileSyncStateStore.at(dir).open(in.name(), true)) {
      assertThat(journal.lastSuccessfulRun()).as("nothing committed").isEmpty();
      journal.forEach(journaled::put);
    }
    assertThat(journaled.keySet()).as("journaled at the crash").containsExactlyInAnyOrderElementsOf(firstTwoBatches);
    journaled.forEach((id, st) -> assertThat(st.targetId()).as(id).isPresent());
    int afterCrash = box.oomnitza.userCount();

    CrashingSink observed = new CrashingSink(box.sink(), Set.of(), Set.of(), 0);
    SyncReport rerun = box.engine(in, FileSyncStateStore.at(dir)).sink(observed).build().run();
    assertThat(rerun.status()).isEqualTo(RunStatus.SUCCEEDED);
    // What the journal knows costs no Oomnitza lookup; the writes that were in flight are found by
    // correlation (UNCHANGED); the rest are created: nothing twice.
    assertThat(observed.lookedUp()).as("only the third batch is correlated").isEqualTo(thirdBatch.size());
    assertThat(rerun.count(Situation.UNCHANGED)).isEqualTo(100 + landed);
    assertThat(rerun.count(Situation.CREATE)).isEqualTo(thirdBatch.size() - landed);
    assertThat(box.oomnitza.userCount()).isEqualTo(afterCrash + thirdBatch.size() - landed);
    assertThat(syncedBrexIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(order);
    assertThat(box.engine(in, FileSyncStateStore.at(dir)).build().run().writes()).isZero();
  }

  private List<String> brexIdsInListingOrder(int pageSize) {
    List<String> ids = new ArrayList<>();
    UserSource source = BrexUserSource.of(box.brexClient);
    Optional<String> cursor = Optional.empty();
    for (int page = 0; page < 100; page++) {
      UserPage p = source.listUsers(cursor, pageSize);
      p.items().forEach(u -> ids.add(u.text("id").orElseThrow()));
      cursor = p.nextCursor();
      if (cursor.isEmpty() || p.items().isEmpty()) {
        return ids;
      }
    }
    throw new AssertionError("more than 100 pages");
  }

  /** The regular files of a directory but the lock, by name. */
  static Map<String, byte[]> files(Path directory) {
    Map<String, byte[]> out = new java.util.HashMap<>();
    try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(directory)) {
      for (Path f : list.collect(Collectors.toList())) {
        if (java.nio.file.Files.isRegularFile(f) && !f.getFileName().toString().equals("lock")) {
          out.put(f.getFileName().toString(), java.nio.file.Files.readAllBytes(f));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  /** Puts a directory back to an image taken by {@link #files}. */
  static void restore(Path directory, Map<String, byte[]> image) throws java.io.IOException {
    for (String name : files(directory).keySet()) {
      java.nio.file.Files.delete(directory.resolve(name));
    }
    for (Map.Entry<String, byte[]> f : image.entrySet()) {
      java.nio.file.Files.write(directory.resolve(f.getKey()), f.getValue());
    }
  }

  private List<String> syncedBrexIds() {
    return box.oomnitza.users().stream().filter(u -> u.hasNonNull("brex_user_id"))
        .map(u -> u.get("brex_user_id").asText()).collect(Collectors.toList());
  }

  /**
   * The Oomnitza sink of a process that is about to die. One create of the second batch waits until
   * {@code landed} creates of the third batch have reached Oomnitza, so the second batch finishes
   * (and the listener kills the run) while the third is in flight; the third batch's other creates
   * fail without reaching Oomnitza, and after {@link #die()} every call does. Counts the sync-key
   * values it is asked to correlate.
   */
  static final class CrashingSink implements UserSink {
    private final UserSink delegate;
    private final Set<String> secondHalf;
    private final Set<String> third;
    private final int landedMax;
    private final AtomicBoolean holdOne = new AtomicBoolean(true);
    private final CountDownLatch thirdLanded;
    private final AtomicBoolean died = new AtomicBoolean();
    private final Set<String> landed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger thirdStarted = new AtomicInteger();
    private final AtomicInteger lookedUp = new AtomicInteger();

    CrashingSink(UserSink delegate, Set<String> firstTwoBatches, Set<String> third, int landed) {
      this.delegate = delegate;
      this.secondHalf = new java.util.HashSet<>(new ArrayList<>(firstTwoBatches).subList(firstTwoBatches.size() / 2,
          firstTwoBatches.size()));
      this.third = third;
      this.landedMax = landed;
      this.thirdLanded = new CountDownLatch(landed);
    }

    void die() {
      died.set(true);
    }

    Set<String> landed() {
      return landed;
    }

    int lookedUp() {
      return lookedUp.get();
    }

    private void alive() {
      if (died.get()) {
        throw new IllegalStateException("the process died");
      }
    }

    @Override
    public List<ObjectNode> findUsers(String field, Collection<String> values) {
      alive();
      lookedUp.addAndGet(values.size());
      return delegate.findUsers(field, values);
    }

    @Override
    public ObjectNode createUser(ObjectNode fields) {
      alive();
      String id = fields.path("brex_user_id").asText();
      try {
        if (secondHalf.contains(id) && holdOne.compareAndSet(true, false)) {
          assertThat(thirdLanded.await(30, TimeUnit.SECONDS)).as("third batch started writing").isTrue();
        } else if (third.contains(id) && thirdStarted.incrementAndGet() > landedMax) {
          throw new IllegalStateException("the process dies before this create reaches Oomnitza");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      ObjectNode created = delegate.createUser(fields);
      if (third.contains(id)) {
        landed.add(id);
        thirdLanded.countDown();
      }
      return created;
    }

    @Override
    public ObjectNode updateUser(ObjectNode existing, ObjectNode changes) {
      alive();
      return delegate.updateUser(existing, changes);
    }

    @Override
    public String idOf(ObjectNode user) {
      return delegate.idOf(user);
    }

    @Override
    public BulkResult bulkUpload(BulkUpload upload) {
      alive();
      return delegate.bulkUpload(upload);
    }

    @Override
    public void finalizeBulk(String portion) {
      alive();
      delegate.finalizeBulk(portion);
    }

    @Override
    public void assignSaasUsers(String saasId, List<String> userIds) {
      alive();
      delegate.assignSaasUsers(saasId, userIds);
    }

    @Override
    public boolean isTransient(RuntimeException failure) {
      return delegate.isTransient(failure);
    }

    @Override
    public boolean wasSent(RuntimeException failure) {
      return delegate.wasSent(failure);
    }
  }

  /** Simulates the process dying mid-run: an Error from the listener. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void guardStopsARunThatWouldChangeMostKnownPeople() {
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    box.engine(integration().build(), store).build().run();
    Integration newRole = integration().mapping(integration().build().mapping().withRule(MappingRule.constant("role", 7)))
        .safety(SafetyPolicy.builder().maxChangeShare(0.2).build()).build();
    SyncReport r = box.engine(newRole, store).build().run();
    assertThat(r.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(r.reason().get()).contains("guard");
    assertThat(r.writes()).isZero();
    assertThat(box.oomnitza.users()).allMatch(u -> !u.hasNonNull("brex_user_id") || u.path("role").asInt() == 25);
  }

  @Test
  void deprovisioningSuspendsPeopleDisabledInBrex() {
    Integration in = integration().deprovisioning(org.brexsync.connector.sync.DeprovisioningPolicy.suspend()).build();
    InMemorySyncStateStore store = InMemorySyncStateStore.create();
    box.engine(in, store).build().run();
    String id = box.brex.adminUserId();
    box.brex.setUserStatus(id, "DISABLED");
    SyncReport r = box.engine(in, store).build().run();
    assertThat(r.deprovisioned()).isEqualTo(1);
    assertThat(r.outcomes(Situation.UPDATE)).singleElement().satisfies(o -> assertThat(o.deprovision()).isTrue());
    assertThat(box.oomnitza.userBy("brex_user_id", id).get().get("suspended").asBoolean()).isTrue();
    assertThat(box.engine(in, store).build().run().writes()).isZero();
  }
}
