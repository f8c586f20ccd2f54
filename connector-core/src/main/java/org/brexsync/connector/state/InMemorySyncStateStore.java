package org.brexsync.connector.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.SyncStateStore;

/**
 * A state store in memory (lost with the process): for tests, sandboxes and one-shot runs. Holds
 * everything in the heap, so it is not meant for large companies. Puts are visible at once (also to
 * reads of the same session). Thread-safe.
 */
public final class InMemorySyncStateStore implements SyncStateStore {
  private final Map<String, Data> data = new ConcurrentHashMap<>();

  private static final class Data {
    final Map<String, RecordState> records = new HashMap<>();
    Instant lastRun;
  }

  /** {@return a new empty store} */
  public static InMemorySyncStateStore create() {
    return new InMemorySyncStateStore();
  }

  private InMemorySyncStateStore() {}

  /**
   * {@return the number of records known for an integration (for tests); 0 for an unknown one}
   *
   * @param integration the integration's name
   */
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
      private final Set<String> seen = new HashSet<>();
      private final Map<String, String> owners = new HashMap<>();
      private final Set<String> targets = new HashSet<>();

      @Override
      public void markTargetKeys(Collection<String> keys) {
        targets.addAll(keys);
      }

      @Override
      public Set<String> targetKeys(Collection<String> keys) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : keys) {
          if (targets.contains(k)) {
            out.add(k);
          }
        }
        return out;
      }

      @Override
      public Map<String, RecordState> get(Collection<String> sourceIds) {
        Map<String, RecordState> out = new LinkedHashMap<>();
        synchronized (d) {
          for (String id : sourceIds) {
            RecordState s = d.records.get(id);
            if (s != null) {
              out.put(id, s);
            }
          }
        }
        return out;
      }

      @Override
      public long size() {
        synchronized (d) {
          return d.records.size();
        }
      }

      @Override
      public Set<String> markSeen(Collection<String> sourceIds) {
        Set<String> before = new LinkedHashSet<>();
        for (String id : sourceIds) {
          if (!seen.add(id)) {
            before.add(id);
          }
        }
        return before;
      }

      @Override
      public Map<String, String> claimKeys(Map<String, String> claims) {
        Map<String, String> taken = new LinkedHashMap<>();
        claims.forEach((key, id) -> {
          String first = owners.putIfAbsent(key, id);
          if (first != null && !first.equals(id)) {
            taken.put(key, first);
          }
        });
        return taken;
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
        for (Map.Entry<String, RecordState> e : sorted()) {
          visitor.accept(e.getKey(), e.getValue());
        }
      }

      @Override
      public void forEachUnseen(BiConsumer<String, RecordState> visitor) {
        for (Map.Entry<String, RecordState> e : sorted()) {
          if (!seen.contains(e.getKey())) {
            visitor.accept(e.getKey(), e.getValue());
          }
        }
      }

      /** A copy in source-id order (UTF-8 bytes), so visitors may change the store. */
      private List<Map.Entry<String, RecordState>> sorted() {
        List<Map.Entry<String, RecordState>> copy;
        synchronized (d) {
          copy = new ArrayList<>(d.records.entrySet().size());
          d.records.forEach((k, v) -> copy.add(Map.entry(k, v)));
        }
        copy.sort((a, b) -> Arrays.compareUnsigned(a.getKey().getBytes(StandardCharsets.UTF_8), b.getKey().getBytes(StandardCharsets.UTF_8)));
        return copy;
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
