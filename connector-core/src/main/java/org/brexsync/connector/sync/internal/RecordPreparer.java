package org.brexsync.connector.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SyncMode;
import org.brexsync.connector.brex.BrexLookups;
import org.brexsync.connector.brex.BrexUserRecord;
import org.brexsync.connector.internal.Hashing;
import org.brexsync.connector.mapping.CompiledMapping;
import org.brexsync.connector.mapping.MappedRecord;
import org.brexsync.connector.mapping.MappingException;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.UserPage;
import org.brexsync.connector.record.FieldPath;
import org.brexsync.connector.record.RecordView;
import org.brexsync.connector.sync.RecordOutcome;
import org.brexsync.connector.sync.Situation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 2a, plan (filter → map): turns a page of Brex users into outcomes decided without Oomnitza
 * (skipped by a filter, failed mapping, unchanged since the last run) and candidates for
 * correlation, in Brex order. Asks the state a page at a time: which ids this run saw already (a
 * Brex id is processed once), what the last run wrote, and which sync-key values another user of
 * this run holds. Used on the run's thread only.
 */
final class RecordPreparer {
  private static final Logger LOG = LoggerFactory.getLogger("org.brexsync.connector.sync.SyncEngine");
  private static final FieldPath ID = FieldPath.parse("id");
  private static final FieldPath STATUS = FieldPath.parse("status");

  /** One record of a page: an outcome decided now, or a candidate. */
  static final class Item {
    final RecordOutcome outcome;
    final Candidate candidate;
    /** An UNCHANGED record nobody needs to see: only counted. */
    final boolean unchangedCount;

    Item(RecordOutcome outcome, Candidate candidate) {
      this(outcome, candidate, false);
    }

    private Item(RecordOutcome outcome, Candidate candidate, boolean unchangedCount) {
      this.outcome = outcome;
      this.candidate = candidate;
      this.unchangedCount = unchangedCount;
    }

    static final Item UNCHANGED_COUNT = new Item(null, null, true);
  }

  private final Integration in;
  private final CompiledMapping mapping;
  private final BrexLookups lookups;
  private final StateSession state;
  private final Outcomes outcomes;
  private final Instant syncTime;
  private final String runId;
  private final String departedMarker;
  private final boolean rememberUsers;
  private final int limit;
  private final boolean reconcile;
  private int accepted;
  private boolean limited;
  private long distinct;

  RecordPreparer(Integration in, CompiledMapping mapping, BrexLookups lookups, StateSession state, Outcomes outcomes,
      Instant syncTime, String runId) {
    this.in = in;
    this.mapping = mapping;
    this.lookups = lookups;
    this.state = state;
    this.outcomes = outcomes;
    this.syncTime = syncTime;
    this.runId = runId;
    this.rememberUsers = readsManager(in);
    this.limit = in.recordLimit().orElse(Integer.MAX_VALUE);
    this.reconcile = in.reconcile();
    this.departedMarker =
        in.deprovisioning().write().map(w -> "|departed:" + w.getKey() + "=" + w.getValue()).orElse("")
            + (in.mode() == SyncMode.USER_PLUS_SAAS_USER ? "|saas:" + in.saasId().orElse("") : "");
  }

  /** Whether the record limit stopped the run from taking more records. */
  boolean limited() {
    return limited;
  }

  /** Records taken into the run, each id once (the empty-source guard's count). */
  long distinct() {
    return distinct;
  }

  /** Plans one page; adds to the listed count, notes duplicates. */
  List<Item> prepare(UserPage page) {
    List<RecordView> users = page.items();
    // Ids this run saw on earlier pages; repeats within the page are found locally.
    Set<String> pageIds = new LinkedHashSet<>();
    for (RecordView u : users) {
      String id = idOf(u);
      if (!id.isEmpty()) {
        pageIds.add(id);
      }
    }
    Set<String> seenBefore = state.markSeen(pageIds);
    Set<String> taken = new HashSet<>();
    List<Item> items = new ArrayList<>(users.size());
    List<Candidate> candidates = new ArrayList<>();
    outcomes.listed += users.size();
    for (int i = 0; i < users.size(); i++) {
      RecordView user = users.get(i);
      if (accepted >= limit) {
        limited = true;
        outcomes.listed -= users.size() - i; // records after the limit are not part of this run
        break;
      }
      String id = idOf(user);
      if (!id.isEmpty() && (seenBefore.contains(id) || !taken.add(id))) {
        // Brex can list a user twice (on one page, or at the end of one page and the start of the
        // next when the list shifts while we page): processed once, this sighting ignored.
        outcomes.listed--;
        if (outcomes.duplicate(id)) {
          LOG.warn("sync run {}: Brex listed user {} again; processed once, this sighting ignored", runId, id);
        }
        continue;
      }
      distinct++;
      Item item = prepare(user, id);
      if (item != null) {
        items.add(item);
        if (item.candidate != null) {
          candidates.add(item.candidate);
        }
      }
    }
    correlateWithState(candidates);
    // A candidate the last run wrote with these very values needs nothing.
    for (int i = 0; i < items.size(); i++) {
      Candidate c = items.get(i).candidate;
      if (c != null && c.duplicateOf == null && !reconcile && c.prior.isPresent() && c.prior.get().fingerprint().equals(c.fingerprint)) {
        items.set(i, !outcomes.wanted(Situation.UNCHANGED) ? Item.UNCHANGED_COUNT : new Item(
            RecordOutcome.builder().situation(Situation.UNCHANGED).sourceId(c.sourceId).syncKey(c.key).targetId(c.prior.get().targetId()).build(),
            null));
      }
    }
    return items;
  }

  /** The page's candidates: their last state, and sync-key values held by an earlier user of the run. */
  private void correlateWithState(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(candidates.size());
    Map<String, String> firstInPage = new LinkedHashMap<>();
    Map<String, String> localOwner = new HashMap<>();
    for (Candidate c : candidates) {
      ids.add(c.sourceId);
      String k = c.normKey;
      String owner = firstInPage.putIfAbsent(k, c.sourceId);
      if (owner != null) {
        localOwner.put(c.sourceId, owner);
      }
    }
    Map<String, RecordState> priors = state.get(ids);
    Map<String, String> takenBefore = state.claimKeys(firstInPage);
    for (Candidate c : candidates) {
      c.prior = Optional.ofNullable(priors.get(c.sourceId));
      String owner = takenBefore.get(c.normKey);
      if (owner == null) {
        owner = localOwner.get(c.sourceId);
      }
      if (owner != null && !owner.equals(c.sourceId)) {
        c.duplicateOf = owner;
      }
    }
  }

  private Item prepare(RecordView user, String id) {
    if (rememberUsers) {
      lookups.remember(user);
    }
    BrexUserRecord rec = BrexUserRecord.of(user, lookups);
    Optional<String> rejected;
    try {
      rejected = in.filters().rejection(rec);
    } catch (RuntimeException ex) {
      return new Item(fail(id, Optional.empty(), "filter failed: " + ex.getMessage()), null);
    }
    if (rejected.isPresent()) {
      return new Item(RecordOutcome.builder().situation(Situation.SKIPPED).sourceId(id).reason(rejected.get()).build(), null);
    }
    accepted++;
    if (id.isEmpty()) {
      return new Item(fail(id, Optional.empty(), "Brex user without id"), null);
    }
    boolean departed = in.deprovisioning().write().isPresent()
        && in.deprovisioning().statuses().contains(user.get(STATUS).map(JsonNode::asText).orElse(""));
    MappedRecord mapped;
    try {
      mapped = mapping.evaluate(rec, syncTime);
    } catch (MappingException ex) {
      return new Item(fail(id, Optional.empty(), ex.getMessage()), null);
    }
    Optional<String> key = mapped.text(in.mapping().syncKey()).filter(k -> !k.isBlank());
    if (key.isEmpty()) {
      return new Item(fail(id, Optional.empty(), "no value for the sync key '" + in.mapping().syncKey() + "'"), null);
    }
    String fp = Hashing.sha256(mapping.fingerprint(mapped)
        + (departed ? departedMarker : departedMarker.isEmpty() ? "" : "|active" + departedMarker)).substring(0, 22);
    return new Item(null, new Candidate(id, mapped, key.get(), fp, departed));
  }

  static String idOf(RecordView user) {
    return user.get(ID).map(JsonNode::asText).orElse("");
  }

  static String norm(String key) {
    return key.trim().toLowerCase(Locale.ROOT);
  }

  static RecordOutcome fail(String id, Optional<String> key, String reason) {
    return RecordOutcome.builder().situation(Situation.FAILED).sourceId(id).syncKey(key).reason(reason).build();
  }

  private static boolean readsManager(Integration in) {
    for (org.brexsync.connector.mapping.MappingRule r : in.mapping().rules()) {
      if (r.source().map(RecordPreparer::isManagerPath).orElse(false)) {
        return true;
      }
      for (org.brexsync.connector.mapping.TransformerSpec t : r.transform()) {
        for (JsonNode a : t.args().values()) {
          for (JsonNode v : a.isArray() ? a : List.of(a)) {
            if (v.isTextual() && isManagerPath(v.asText())) {
              return true;
            }
          }
        }
      }
    }
    for (org.brexsync.connector.filter.FilterRule f : in.filters().rules()) {
      if (isManagerPath(f.field())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isManagerPath(String path) {
    return path.equals("manager") || path.startsWith("manager.") || path.startsWith("manager[");
  }
}
