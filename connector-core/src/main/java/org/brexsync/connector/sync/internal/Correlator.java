package org.brexsync.connector.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.brexsync.connector.port.UserSink;

/**
 * Stage 2b, plan (correlate): finds the Oomnitza people of a batch by the sync key with
 * {@code IN} lookups of {@value #CHUNK} values, all chunks at once on the lookup threads, never on the
 * run's thread. Lookups of later batches run while earlier batches are being written.
 */
final class Correlator {
  /**
   * Sync-key values per correlation request. Matches oomnitza-client's default cap on {@code IN}
   * lists, so each chunk is one request.
   */
  static final int CHUNK = 50;

  private final UserSink sink;
  private final String syncKey;
  private final Executor lookups;

  Correlator(UserSink sink, String syncKey, Executor lookups) {
    this.sink = sink;
    this.syncKey = syncKey;
    this.lookups = lookups;
  }

  /**
   * The Oomnitza people holding the given sync-key values, by normalized value; completes
   * exceptionally with the first failed lookup.
   */
  CompletableFuture<Map<String, List<ObjectNode>>> find(Collection<String> keys) {
    if (keys.isEmpty()) {
      return CompletableFuture.completedFuture(Map.of());
    }
    List<String> all = new ArrayList<>(keys);
    List<CompletableFuture<List<ObjectNode>>> parts = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
      parts.add(CompletableFuture.supplyAsync(() -> sink.findUsers(syncKey, chunk), lookups));
    }
    return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).thenApply(v -> {
      Map<String, List<ObjectNode>> found = new HashMap<>();
      for (CompletableFuture<List<ObjectNode>> f : parts) {
        for (ObjectNode u : f.join()) {
          JsonNode k = u.get(syncKey);
          if (k != null && !k.isNull()) {
            found.computeIfAbsent(RecordPreparer.norm(k.asText()), x -> new ArrayList<>(1)).add(u);
          }
        }
      }
      return found;
    });
  }

  /** The one Oomnitza person with a sync-key value, looked up now (writers re-resolving after a failure). */
  List<ObjectNode> findNow(String key) {
    return sink.findUsers(syncKey, List.of(key));
  }
}
