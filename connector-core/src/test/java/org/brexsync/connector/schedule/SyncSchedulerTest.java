package org.brexsync.connector.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.brexsync.connector.Integration;
import org.brexsync.connector.fakes.FakeBrex;
import org.brexsync.connector.fakes.FakeOomnitza;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class SyncSchedulerTest {
  final FakeBrex brex = new FakeBrex().addMany(20);
  final FakeOomnitza oomnitza = new FakeOomnitza();

  SyncEngine engine(Schedule schedule) {
    return SyncEngine.builder()
        .integration(Integration.builder().name("s").mapping(Mapping.standard(1)).schedule(schedule).build())
        .source(brex)
        .sink(oomnitza)
        .stateStore(InMemorySyncStateStore.create())
        .build();
  }

  @Test
  void dailyScheduleComputesTheNextRunInItsZone() {
    Schedule s = Schedule.daily(LocalTime.of(2, 0), ZoneId.of("Europe/Berlin"));
    assertThat(s.nextAfter(Instant.parse("2026-11-27T00:30:00Z"))).isEqualTo(Instant.parse("2026-11-27T01:00:00Z"));
    assertThat(s.nextAfter(Instant.parse("2026-11-27T01:00:00Z"))).isEqualTo(Instant.parse("2026-11-28T01:00:00Z"));
    assertThat(Schedule.defaults().nextAfter(Instant.parse("2026-11-27T03:00:00Z"))).isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
    assertThat(Schedule.every(Duration.ofHours(6)).nextAfter(Instant.parse("2026-11-27T03:00:00Z"))).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
  }

  @Test
  void runsAtTheScheduledTimesOnTheInjectedExecutor() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T00:00:00Z"));
    ManualScheduler exec = new ManualScheduler(clock);
    List<SyncReport> reports = new ArrayList<>();
    SyncScheduler s = SyncScheduler.builder().engine(engine(Schedule.defaults())).clock(clock).executor(exec).onReport(reports::add).build();
    s.start();
    assertThat(s.nextRunAt()).contains(Instant.parse("2026-11-27T02:00:00Z"));
    exec.advance(Duration.ofHours(1));
    assertThat(reports).isEmpty();
    exec.advance(Duration.ofHours(1));
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(s.nextRunAt()).contains(Instant.parse("2026-11-28T02:00:00Z"));
    exec.advance(Duration.ofDays(1));
    assertThat(reports).hasSize(2);
    assertThat(reports.get(1).writes()).isZero();
    s.stop();
    exec.advance(Duration.ofDays(3));
    assertThat(reports).hasSize(2);
    assertThat(s.nextRunAt()).isEmpty();
  }

  /** A list-users hook that signals {@code inside} and then holds the run until {@code release}. */
  private static Runnable holdUntil(CountDownLatch inside, CountDownLatch release) {
    return () -> {
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  @Test
  void neverTwoOverlappingRuns() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    brex.onListUsers = holdUntil(inside, release);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T00:00:00Z"));
    ManualScheduler exec = new ManualScheduler(clock);
    SyncScheduler s = SyncScheduler.builder().engine(engine(Schedule.every(Duration.ofMinutes(5)))).clock(clock).executor(exec).build();
    s.start();
    Thread scheduled = new Thread(() -> exec.advance(Duration.ofMinutes(5)));
    scheduled.start();
    inside.await(10, TimeUnit.SECONDS);
    assertThat(s.isRunning()).isTrue();
    assertThat(s.runNow()).isEmpty();
    assertThat(s.skippedRuns()).isEqualTo(1);
    release.countDown();
    scheduled.join();
    assertThat(s.completedRuns()).isEqualTo(1);
    assertThat(s.isRunning()).isFalse();
    brex.onListUsers = () -> {};
    assertThat(s.runNow()).isPresent();
    s.stop();
  }

  @Test
  void stopCanCancelTheRunInProgress() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    brex.addMany(2000);
    brex.onListUsers = holdUntil(inside, release);
    List<SyncReport> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
    SyncScheduler s = SyncScheduler.builder().engine(engine(Schedule.defaults())).onReport(reports::add).build();
    Thread t = new Thread(s::runNow);
    t.start();
    inside.await(10, TimeUnit.SECONDS);
    s.stop(true);
    release.countDown();
    t.join();
    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(RunStatus.CANCELLED);
      assertThat(r.duplicates()).as("2,020 distinct Brex users: none listed twice").isZero();
    });
    assertThat(brex.users.stream().map(u -> u.get("id").asText()).distinct().count()).isEqualTo(2020);
  }
}
