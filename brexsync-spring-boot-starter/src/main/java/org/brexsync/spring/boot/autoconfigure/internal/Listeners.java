package org.brexsync.spring.boot.autoconfigure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.brexsync.connector.sync.RecordOutcome;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncProgress;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.http.RequestListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener of many: the engine and each client take a single listener, the context may hold
 * several (metrics, the run tracker, the application's own). Each is told in order and ended in
 * reverse order (so an observation opened first is closed last, around the others); one that throws
 * is logged and the others are still told. Not API.
 */
public final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private Listeners() {}

  /** The sync listeners as one. */
  public static SyncListener sync(List<SyncListener> listeners) {
    List<SyncListener> all = List.copyOf(listeners);
    if (all.isEmpty()) {
      return SyncListener.NONE;
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    return new SyncListener() {
      @Override
      public RunScope onRunStart(RunStart run) {
        List<RunScope> scopes = new ArrayList<>(all.size());
        for (SyncListener l : all) {
          try {
            RunScope s = l.onRunStart(run);
            scopes.add(s == null ? RunScope.NONE : s);
          } catch (RuntimeException e) {
            LOG.warn("sync listener {} failed: {}", l.getClass().getName(), e.toString());
            scopes.add(RunScope.NONE);
          }
        }
        return new RunScope() {
          @Override
          public void ended(SyncReport report) {
            for (int i = scopes.size() - 1; i >= 0; i--) {
              RunScope s = scopes.get(i);
              safely(() -> s.ended(report));
            }
          }

          @Override
          public void failed(Throwable error) {
            for (int i = scopes.size() - 1; i >= 0; i--) {
              RunScope s = scopes.get(i);
              safely(() -> s.failed(error));
            }
          }
        };
      }

      @Override
      public void onProgress(SyncProgress progress) {
        all.forEach(l -> safely(() -> l.onProgress(progress)));
      }

      @Override
      public void onRecord(RecordOutcome outcome) {
        all.forEach(l -> safely(() -> l.onRecord(outcome)));
      }
    };
  }

  /** The request listeners as one. */
  public static RequestListener requests(List<RequestListener> listeners) {
    List<RequestListener> all = List.copyOf(listeners);
    if (all.isEmpty()) {
      return RequestListener.none();
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    return new RequestListener() {
      @Override
      public void onAttempt(Attempt attempt) {
        all.forEach(l -> safely(() -> l.onAttempt(attempt)));
      }

      @Override
      public InFlight onAttemptStart(AttemptStart start) {
        List<InFlight> flights = new ArrayList<>(all.size());
        for (RequestListener l : all) {
          try {
            InFlight f = l.onAttemptStart(start);
            flights.add(f == null ? InFlight.NONE : f);
          } catch (RuntimeException e) {
            LOG.warn("request listener {} failed: {}", l.getClass().getName(), e.toString());
            flights.add(InFlight.NONE);
          }
        }
        return (Optional<Attempt> outcome) -> {
          for (int i = flights.size() - 1; i >= 0; i--) {
            InFlight f = flights.get(i);
            safely(() -> f.end(outcome));
          }
        };
      }

      @Override
      public void onRateLimitWait(RateLimitWait wait) {
        all.forEach(l -> safely(() -> l.onRateLimitWait(wait)));
      }
    };
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("listener failed: {}", e.toString());
    }
  }
}
