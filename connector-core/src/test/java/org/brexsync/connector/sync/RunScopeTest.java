package org.brexsync.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.brexsync.connector.Integration;
import org.brexsync.connector.fakes.FakeBrex;
import org.brexsync.connector.fakes.FakeOomnitza;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.junit.jupiter.api.Test;

/** A listener is told when a run starts and, once, how it ended: with its report, or by an exception. */
class RunScopeTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
  final List<String> events = new CopyOnWriteArrayList<>();

  final SyncListener listener = new SyncListener() {
    @Override
    public RunScope onRunStart(RunStart run) {
      String thread = Thread.currentThread().getName();
      events.add("start " + run.integration() + " dry=" + run.dryRun() + " at " + run.startedAt());
      return new RunScope() {
        @Override
        public void ended(SyncReport report) {
          events.add("ended " + report.status() + " " + report.count(Situation.CREATE)
              + (Thread.currentThread().getName().equals(thread) ? " same thread" : " other thread"));
        }

        @Override
        public void failed(Throwable error) {
          events.add("failed " + error.getMessage());
        }
      };
    }

    @Override
    public void onProgress(SyncProgress progress) {
      if (!events.contains("progress")) {
        events.add("progress");
      }
    }
  };

  SyncEngine.Builder engine(SyncStateStore state) {
    return SyncEngine.builder()
        .integration(Integration.builder().name("people").mapping(Mapping.standard(25)).build())
        .source(new FakeBrex().addMany(30)).sink(new FakeOomnitza()).stateStore(state).clock(CLOCK)
        .listener(listener);
  }

  @Test
  void aRunIsStartedBeforeItsProgressAndEndedWithItsReportOnTheCallersThread() {
    SyncReport r = engine(InMemorySyncStateStore.create()).build().run();
    assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(events).containsExactly("start people dry=false at 2026-11-27T10:00:00Z", "progress",
        "ended SUCCEEDED 30 same thread");
  }

  @Test
  void aDryRunSaysSo() {
    engine(InMemorySyncStateStore.create()).dryRun(true).build().run();
    assertThat(events.get(0)).isEqualTo("start people dry=true at 2026-11-27T10:00:00Z");
  }

  @Test
  void aRunThatThrowsIsEndedAsFailedAndTheExceptionStillReachesTheCaller() {
    SyncStateStore broken = (integration, readOnly) -> {
      throw new IllegalStateException("state store down");
    };
    assertThatThrownBy(() -> engine(broken).build().run()).hasMessage("state store down");
    assertThat(events).containsExactly("start people dry=false at 2026-11-27T10:00:00Z",
        "failed state store down");
  }

  @Test
  void aListenerThatThrowsOrReturnsNoScopeNeverBreaksTheRun() {
    SyncListener throwing = new SyncListener() {
      @Override
      public RunScope onRunStart(RunStart run) {
        throw new IllegalStateException("listener bug");
      }
    };
    SyncListener nullScope = new SyncListener() {
      @Override
      public RunScope onRunStart(RunStart run) {
        return null;
      }
    };
    SyncListener throwingAtEnd = new SyncListener() {
      @Override
      public RunScope onRunStart(RunStart run) {
        return new RunScope() {
          @Override
          public void ended(SyncReport report) {
            throw new IllegalStateException("listener bug");
          }

          @Override
          public void failed(Throwable error) {}
        };
      }
    };
    for (SyncListener l : List.of(throwing, nullScope, throwingAtEnd)) {
      assertThat(engine(InMemorySyncStateStore.create()).listener(l).build().run().status())
          .isEqualTo(RunStatus.SUCCEEDED);
    }
  }
}
