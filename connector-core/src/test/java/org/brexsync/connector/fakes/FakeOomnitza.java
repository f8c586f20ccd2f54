package org.brexsync.connector.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.brexsync.connector.port.BulkResult;
import org.brexsync.connector.port.BulkUpload;
import org.brexsync.connector.port.UserSink;

/** In-memory Oomnitza users keyed by a generated uid. */
public class FakeOomnitza implements UserSink {
  public final Map<String, ObjectNode> users = new LinkedHashMap<>();
  public final AtomicInteger finds = new AtomicInteger();
  public final AtomicInteger creates = new AtomicInteger();
  public final AtomicInteger updates = new AtomicInteger();
  public final AtomicInteger bulks = new AtomicInteger();
  public final List<String> finalized = new CopyOnWriteArrayList<>();
  public final Map<String, Set<String>> saas = new LinkedHashMap<>();
  public volatile Predicate<ObjectNode> failWrite = u -> false;
  public volatile boolean bulkAnswers = true;
  /** Whether the sink can list the values of a field (a first BULK run then skips lookups). */
  public volatile boolean listable;
  public final AtomicInteger listings = new AtomicInteger();
  private int seq;

  public synchronized ObjectNode insert(ObjectNode u) {
    String uid = "u" + (++seq);
    ObjectNode copy = u.deepCopy();
    copy.put("uid", uid);
    users.put(uid, copy);
    return copy.deepCopy();
  }

  public synchronized Optional<ObjectNode> by(String field, String value) {
    return users.values().stream().filter(u -> u.path(field).asText().equalsIgnoreCase(value)).findFirst().map(ObjectNode::deepCopy);
  }

  public synchronized int size() {
    return users.size();
  }

  @Override
  public synchronized List<ObjectNode> findUsers(String field, Collection<String> values) {
    finds.incrementAndGet();
    Set<String> want = new HashSet<>();
    values.forEach(v -> want.add(v.toLowerCase()));
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode u : users.values()) {
      JsonNode v = u.get(field);
      if (v != null && want.contains(v.asText().toLowerCase())) {
        out.add(u.deepCopy());
      }
    }
    return out;
  }

  @Override
  public synchronized boolean forEachValue(String field, java.util.function.Consumer<List<String>> page) {
    if (!listable) {
      return false;
    }
    listings.incrementAndGet();
    List<String> values = new ArrayList<>();
    for (ObjectNode u : users.values()) {
      if (u.hasNonNull(field)) {
        values.add(u.get(field).asText());
      }
    }
    page.accept(values);
    return true;
  }

  @Override
  public ObjectNode createUser(ObjectNode fields) {
    creates.incrementAndGet();
    if (failWrite.test(fields)) {
      throw new IllegalStateException("HTTP 500 from fake");
    }
    return insert(fields);
  }

  @Override
  public synchronized ObjectNode updateUser(ObjectNode existing, ObjectNode changes) {
    updates.incrementAndGet();
    if (failWrite.test(existing)) {
      throw new IllegalStateException("HTTP 500 from fake");
    }
    ObjectNode u = users.get(existing.get("uid").asText());
    changes.fields().forEachRemaining(e -> u.set(e.getKey(), e.getValue()));
    return u.deepCopy();
  }

  @Override
  public String idOf(ObjectNode user) {
    return user.path("uid").asText();
  }

  /**
   * Applies a portion. A record matching {@link #failWrite} is rejected (not applied); with
   * {@link #bulkAnswers} false the answer names no record (every record unverified).
   */
  @Override
  public synchronized BulkResult bulkUpload(BulkUpload upload) {
    bulks.incrementAndGet();
    String key = upload.syncFields().get(0);
    BulkResult.Builder result = BulkResult.builder(upload.records().size(), BulkResult.Verdict.ACCEPTED);
    int created = 0;
    for (int i = 0; i < upload.records().size(); i++) {
      ObjectNode r = upload.records().get(i);
      if (failWrite.test(r)) {
        result.reject(i, "rejected by fake");
        continue;
      }
      Optional<ObjectNode> existing = by(key, r.get(key).asText());
      if (existing.isPresent()) {
        if (!upload.insertOnly()) {
          ObjectNode u = users.get(existing.get().get("uid").asText());
          r.fields().forEachRemaining(e -> u.set(e.getKey(), e.getValue()));
        }
      } else if (!upload.updateOnly()) {
        insert(r);
        created++;
      }
    }
    return bulkAnswers ? result.created(created).build() : BulkResult.unverified(upload.records().size());
  }

  @Override
  public void finalizeBulk(String portion) {
    finalized.add(portion);
  }

  @Override
  public synchronized void assignSaasUsers(String saasId, List<String> userIds) {
    saas.computeIfAbsent(saasId, k -> new java.util.TreeSet<>()).addAll(userIds);
  }

  public int writes() {
    return creates.get() + updates.get() + bulks.get();
  }
}
