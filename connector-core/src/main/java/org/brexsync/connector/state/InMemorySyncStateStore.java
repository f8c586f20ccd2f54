package org.brexsync.connector.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.RecordState;

/** A state store in memory (lost with the process): for tests, sandboxes and one-shot runs. Thread-safe. */
public final class InMemorySyncStateStore implements SyncStateStore {
  private final Map<String, Data> data = new ConcurrentHashMap<>();

  private static final class Data {
    final Map<String, RecordState> records = new HashMap<>();
    Instant lastRun;
  }

  /** A new empty store. */
  public static InMemorySyncStateStore create() {
    return new InMemorySyncStateStore();
  }

  private InMemorySyncStateStore() {}

  /** Number of records known for an integration (for tests). */
  public int size(String integration) {
    Data d = data.get(integration);
    if (d == null) {
      return 0;
    }
    synchronized (d) {
      return d.records.size();
    }
  }

  @Override
  public StateSession open(String integration, boolean readOnly) {
    Data d = data.computeIfAbsent(integration, k -> new Data());
    return new StateSession() {
      @Override
      public Optional<RecordState> get(String sourceId) {
        synchronized (d) {
          return Optional.ofNullable(d.records.get(sourceId));
        }
      }

      @Override
      public int size() {
        synchronized (d) {
          return d.records.size();
        }
      }

      @Override
      public void put(String sourceId, RecordState state) {
        if (!readOnly) {
          synchronized (d) {
            d.records.put(sourceId, state);
          }
        }
      }

      @Override
      public void remove(String sourceId) {
        if (!readOnly) {
          synchronized (d) {
            d.records.remove(sourceId);
          }
        }
      }

      @Override
      public void forEach(BiConsumer<String, RecordState> visitor) {
        Map<String, RecordState> copy;
        synchronized (d) {
          copy = new HashMap<>(d.records);
        }
        copy.forEach(visitor);
      }

      @Override
      public Optional<Instant> lastSuccessfulRun() {
        synchronized (d) {
          return Optional.ofNullable(d.lastRun);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void commit(Instant runStart) {
        if (!readOnly) {
          synchronized (d) {
            d.lastRun = runStart;
          }
        }
      }

      @Override
      public void close() {}
    };
  }
}
