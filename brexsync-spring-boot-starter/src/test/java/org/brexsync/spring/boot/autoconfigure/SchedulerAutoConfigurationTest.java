package org.brexsync.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.connector.sync.SyncEngine;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncProgress;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.spring.boot.autoconfigure.internal.SchedulerLifecycle;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

class SchedulerAutoConfigurationTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start(300);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void theIntegrationRunsOnItsScheduleFromStartToClose() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.integration.schedule.every=6h").run(ctx -> {
      SyncScheduler scheduler = ctx.getBean(SyncScheduler.class);
      assertThat(scheduler.schedule()).isEqualTo(Schedule.every(Duration.ofHours(6)));
      assertThat(scheduler.nextRunAt()).as("started with the context").isPresent();
      ctx.close();
      assertThat(scheduler.nextRunAt()).as("stopped with the context").isEmpty();
      assertThat(scheduler.completedRuns()).isZero();
    });
  }

  @Test
  void schedulerEnabledFalseSchedulesNothing() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.scheduler.enabled=false").run(ctx ->
        assertThat(ctx).hasSingleBean(SyncEngine.class).doesNotHaveBean(SyncScheduler.class)
            .doesNotHaveBean(SchedulerLifecycle.class));
  }

  @Test
  void anApplicationsOwnSchedulerWinsAndIsStartedAndStoppedTheSameWay() {
    StarterTestSupport.sandbox(sandbox).withUserConfiguration(OwnScheduler.class).run(ctx -> {
      SyncScheduler scheduler = ctx.getBean(SyncScheduler.class);
      assertThat(scheduler.schedule()).isEqualTo(Schedule.every(Duration.ofMinutes(42)));
      assertThat(scheduler.nextRunAt()).isPresent();
      ctx.close();
      assertThat(scheduler.nextRunAt()).isEmpty();
    });
  }

  @Test
  void runOnStartupRunsOnceInTheBackground() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.scheduler.run-on-startup=true")
        .withUserConfiguration(Ended.class).run(ctx -> {
          assertThat(ctx.getBean(Ended.class).latch.await(60, TimeUnit.SECONDS)).isTrue();
          assertThat(ctx.getBean(SyncRunTracker.class).lastRun()).hasValueSatisfying(r ->
              assertThat(r.status()).isEqualTo("SUCCEEDED"));
          assertThat(ctx.getBean(SyncScheduler.class).nextRunAt()).as("and keeps its schedule").isPresent();
        });
  }

  @Test
  void shutdownCancelsTheRunInProgressAndWaitsForItsEnd() {
    StarterTestSupport.sandbox(sandbox).withPropertyValues("brexsync.scheduler.run-on-startup=true",
        "brexsync.scheduler.shutdown-timeout=60s").withUserConfiguration(HeldUntilClose.class).run(ctx -> {
          HeldUntilClose held = ctx.getBean(HeldUntilClose.class);
          SyncRunTracker tracker = ctx.getBean(SyncRunTracker.class);
          assertThat(held.inRun.await(60, TimeUnit.SECONDS)).isTrue();
          ctx.close();
          assertThat(tracker.isRunning()).as("close returned after the run ended").isFalse();
          // Ended by itself, cancelled or not: not FAILED by clients closed under it.
          assertThat(tracker.lastRun()).hasValueSatisfying(r -> assertThat(r.status()).isIn("CANCELLED", "SUCCEEDED"));
        });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnScheduler {
    @Bean
    SyncScheduler myScheduler(SyncEngine engine) {
      return SyncScheduler.builder().engine(engine).schedule(Schedule.every(Duration.ofMinutes(42))).build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Ended {
    final CountDownLatch latch = new CountDownLatch(1);

    @Bean
    SyncListener countDown() {
      return new SyncListener() {
        @Override
        public RunScope onRunStart(RunStart run) {
          return new RunScope() {
            @Override
            public void ended(SyncReport report) {
              latch.countDown();
            }

            @Override
            public void failed(Throwable error) {}
          };
        }
      };
    }
  }

  /** Holds the startup run at its first progress until the context is closing, so close meets it running. */
  @Configuration(proxyBeanMethods = false)
  static class HeldUntilClose {
    final CountDownLatch inRun = new CountDownLatch(1);
    final CountDownLatch closing = new CountDownLatch(1);

    @Bean
    SyncListener hold() {
      return new SyncListener() {
        @Override
        public void onProgress(SyncProgress progress) {
          inRun.countDown();
          try {
            closing.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      };
    }

    @Bean
    ApplicationListener<ContextClosedEvent> release() {
      return e -> closing.countDown();
    }
  }
}
