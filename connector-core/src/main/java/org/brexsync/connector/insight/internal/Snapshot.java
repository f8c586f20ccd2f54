package org.brexsync.connector.insight.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.brexsync.connector.ProgressListener;
import org.brexsync.connector.port.CardSource;
import org.brexsync.connector.port.PeopleLookup;
import org.brexsync.connector.insight.RowSource;
import org.brexsync.connector.insight.ShipmentTracker;
import org.brexsync.connector.record.FieldPath;
import org.brexsync.connector.record.RecordView;
import org.brexsync.connector.brex.BrexLookups;
import org.brexsync.connector.brex.BrexUserRecord;
import org.brexsync.connector.port.UserPage;
import org.brexsync.connector.port.UserSource;

/**
 * One read of Brex (and Oomnitza) feeding any number of view evaluators in a single pass per
 * source. Passes, each only when some view needs it:
 *
 * <ol>
 *   <li>cards → per-owner card counts ({@code cards.*} of user rows): a few longs per card owner;
 *   <li>users, page by page → user rows (one Oomnitza lookup per page), and a compact owner index
 *       (id, name, email, status, department, location: a few strings per user) when card rows need
 *       {@code user.*};
 *   <li>cards → card rows joined with the owner index.
 * </ol>
 *
 * Records themselves are held one page at a time. Not API.
 */
public final class Snapshot {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final UserSource users;
  private final CardSource cards;
  private final Optional<PeopleLookup> people;
  private final String brexKey;
  private final String oomnitzaKey;
  private final Clock clock;
  private final Duration shippedAfter;
  private final ShipmentTracker tracker;
  private final int pageSize;
  private final List<String> personFields;
  private final int managerCacheSize;

  private final Map<String, long[]> cardStats = new HashMap<>();
  private final Map<String, Owner> owners = new HashMap<>();
  private long userPagesRead;
  private long cardListings;
  private long peopleCalls;
  private int peakIndexEntries;
  private final ProgressListener progress;
  private static final String USERS_READ = org.brexsync.connector.insight.Insight.USERS_READ;
  private static final String CARDS_READ = org.brexsync.connector.insight.Insight.CARDS_READ;

  /** A snapshot over the given ports. */
  public Snapshot(UserSource users, CardSource cards, Optional<PeopleLookup> people, String brexKey, String oomnitzaKey,
      Clock clock, Duration shippedAfter, ShipmentTracker tracker, int pageSize, List<String> personFields, int managerCacheSize,
      ProgressListener progress) {
    this.progress = progress;
    this.personFields = List.copyOf(personFields);
    this.managerCacheSize = managerCacheSize;
    this.users = users;
    this.cards = cards;
    this.people = people;
    this.brexKey = brexKey;
    this.oomnitzaKey = oomnitzaKey;
    this.clock = clock;
    this.shippedAfter = shippedAfter;
    this.tracker = tracker;
    this.pageSize = pageSize;
  }

  /** Reads everything the evaluators need and feeds them; then finishes each. */
  public void run(List<ViewEvaluator> evaluators) {
    List<ViewEvaluator> userViews = new ArrayList<>();
    List<ViewEvaluator> cardViews = new ArrayList<>();
    Set<String> userHeads = new LinkedHashSet<>();
    Set<String> cardHeads = new LinkedHashSet<>();
    for (ViewEvaluator e : evaluators) {
      e.begin();
      if (e.view().source() == RowSource.USERS) {
        userViews.add(e);
        userHeads.addAll(e.view().referencedHeads());
      } else {
        cardViews.add(e);
        cardHeads.addAll(e.view().referencedHeads());
      }
    }
    boolean needCardStats = !userViews.isEmpty() && userHeads.contains("cards");
    boolean needOwners = !cardViews.isEmpty() && cardHeads.contains("user");
    boolean needPeople = people.isPresent() && userHeads.contains("oomnitza");
    BrexLookups lookups = BrexLookups.over(users, managerCacheSize);
    if (needCardStats) {
      cardListings++;
      long[] read = {0};
      cards.forEachCard(c -> {
        countCard(c);
        cardRead(++read[0]);
      });
      progress.onProgress(CARDS_READ, read[0], OptionalLong.of(read[0]));
    }
    if (!userViews.isEmpty() || needOwners) {
      Optional<String> cursor = Optional.empty();
      long usersRead = 0;
      progress.onProgress(USERS_READ, 0, OptionalLong.empty());
      do {
        UserPage page = users.listUsers(cursor, pageSize);
        userPagesRead++;
        usersRead += page.items().size();
        page.items().forEach(lookups::remember);
        Map<String, ObjectNode> persons = needPeople ? people(page.items()) : Map.of();
        for (RecordView u : page.items()) {
          BrexUserRecord base = BrexUserRecord.of(u, lookups);
          if (needOwners) {
            owners.put(base.id(), Owner.of(base));
          }
          if (!userViews.isEmpty()) {
            RecordView row = new OverlayRecord(base, userOverlay(base, persons, needCardStats));
            for (ViewEvaluator e : userViews) {
              e.accept(row);
            }
          }
        }
        peakIndexEntries = Math.max(peakIndexEntries, owners.size() + cardStats.size());
        cursor = page.nextCursor();
        progress.onProgress(USERS_READ, usersRead, cursor.isPresent() ? OptionalLong.empty() : OptionalLong.of(usersRead));
      } while (cursor.isPresent());
    }
    if (!cardViews.isEmpty()) {
      cardListings++;
      long[] read = {0};
      cards.forEachCard(c -> {
        RecordView row = new OverlayRecord(RecordView.of(c), cardOverlay(c));
        for (ViewEvaluator e : cardViews) {
          e.accept(row);
        }
        cardRead(++read[0]);
      });
      progress.onProgress(CARDS_READ, read[0], OptionalLong.of(read[0]));
      tracker.flush();
    }
    peakIndexEntries = Math.max(peakIndexEntries, owners.size() + cardStats.size());
    owners.clear();
    cardStats.clear();
    for (ViewEvaluator e : evaluators) {
      e.finish();
    }
  }

  private void cardRead(long n) {
    if (n == 1 || n % pageSize == 0) {
      progress.onProgress(CARDS_READ, n, OptionalLong.empty());
    }
  }

  /** Pages of users read. */
  public long userPagesRead() {
    return userPagesRead;
  }

  /** Listings of all cards (0, 1 or 2). */
  public long cardListings() {
    return cardListings;
  }

  /** Batched Oomnitza lookups made (one per users page at most). */
  public long peopleCalls() {
    return peopleCalls;
  }

  /** The largest number of join-index entries (owners + card-count entries) held at once. */
  public int peakIndexEntries() {
    return peakIndexEntries;
  }

  private static final int TOTAL = 0;
  private static final int OPEN = 1;
  private static final int ACTIVE = 2;
  private static final int LOCKED = 3;
  private static final int SHIPPED = 4;
  private static final int TERMINATED = 5;

  private void countCard(ObjectNode c) {
    String owner = c.path("owner").path("user_id").asText("");
    if (owner.isEmpty()) {
      return;
    }
    long[] s = cardStats.computeIfAbsent(owner, k -> new long[6]);
    s[TOTAL]++;
    switch (c.path("status").asText("")) {
      case "ACTIVE":
        s[ACTIVE]++;
        s[OPEN]++;
        break;
      case "LOCKED":
        s[LOCKED]++;
        s[OPEN]++;
        break;
      case "SHIPPED":
        s[SHIPPED]++;
        s[OPEN]++;
        break;
      case "TERMINATED":
        s[TERMINATED]++;
        break;
      default:
        break;
    }
  }

  private Map<String, ObjectNode> people(List<RecordView> page) {
    FieldPath key = FieldPath.parse(brexKey);
    List<String> values = new ArrayList<>();
    for (RecordView u : page) {
      u.get(key).map(JsonNode::asText).filter(s -> !s.isBlank()).ifPresent(values::add);
    }
    if (values.isEmpty()) {
      return Map.of();
    }
    peopleCalls++;
    Map<String, ObjectNode> m = new HashMap<>();
    for (ObjectNode p : people.get().find(oomnitzaKey, values)) {
      JsonNode v = p.get(oomnitzaKey);
      if (v != null && !v.isNull()) {
        m.put(v.asText().toLowerCase(Locale.ROOT), p);
      }
    }
    return m;
  }

  private ObjectNode userOverlay(BrexUserRecord u, Map<String, ObjectNode> persons, boolean withCards) {
    ObjectNode o = F.objectNode();
    String name = (u.text("first_name").orElse("") + " " + u.text("last_name").orElse("")).trim();
    o.put("name", name);
    if (withCards) {
      long[] s = cardStats.getOrDefault(u.id(), new long[6]);
      ObjectNode c = o.putObject("cards");
      c.put("count", s[TOTAL]);
      c.put("open", s[OPEN]);
      c.put("active", s[ACTIVE]);
      c.put("locked", s[LOCKED]);
      c.put("shipped", s[SHIPPED]);
      c.put("terminated", s[TERMINATED]);
    }
    if (people.isPresent()) {
      Optional<ObjectNode> p = u.user().get(FieldPath.parse(brexKey))
          .map(v -> persons.get(v.asText().toLowerCase(Locale.ROOT)));
      ObjectNode on = F.objectNode();
      if (p.isPresent()) {
        if (personFields.isEmpty()) {
          on.setAll(p.get().deepCopy());
        } else {
          for (String f : personFields) {
            JsonNode v = p.get().get(f);
            if (v != null) {
              on.set(f, v.deepCopy());
            }
          }
        }
      }
      on.put("found", p.isPresent());
      if (p.isPresent()) {
        on.put("suspended", p.get().path("suspended").asBoolean(false));
      }
      o.set("oomnitza", on);
    }
    return o;
  }

  private ObjectNode cardOverlay(ObjectNode c) {
    ObjectNode o = F.objectNode();
    String owner = c.path("owner").path("user_id").asText("");
    Owner ow = owners.get(owner);
    if (ow != null) {
      o.set("user", ow.toJson());
    }
    Instant now = clock.instant();
    String id = c.path("id").asText("");
    if ("SHIPPED".equals(c.path("status").asText())) {
      Instant since = tracker.shippedSince(id, now);
      long days = Duration.between(since, now).toDays();
      o.put("shipped_since", since.toString());
      o.put("shipped_days", days);
      o.put("shipped_overdue", !Duration.between(since, now).minus(shippedAfter).isNegative());
    } else {
      tracker.notShipped(id);
      o.put("shipped_overdue", false);
    }
    String lad = c.path("spend_controls").path("lock_after_date").asText("");
    boolean passed = false;
    if (!lad.isEmpty() && !"null".equals(lad)) {
      try {
        passed = LocalDate.parse(lad).isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        passed = false;
      }
    }
    o.put("lock_after_passed", passed);
    return o;
  }

  /** What card rows need of their owner: a few strings. */
  private static final class Owner {
    final String id;
    final String name;
    final String email;
    final String status;
    final String departmentId;
    final String department;
    final String location;

    private Owner(String id, String name, String email, String status, String departmentId, String department, String location) {
      this.id = id;
      this.name = name;
      this.email = email;
      this.status = status;
      this.departmentId = departmentId;
      this.department = department;
      this.location = location;
    }

    static Owner of(BrexUserRecord u) {
      return new Owner(
          u.id(),
          (u.text("first_name").orElse("") + " " + u.text("last_name").orElse("")).trim(),
          u.text("email").orElse(""),
          u.text("status").orElse(""),
          u.text("department_id").orElse(""),
          u.text("department.name").orElse(""),
          u.text("location.name").orElse(""));
    }

    ObjectNode toJson() {
      ObjectNode o = F.objectNode();
      o.put("id", id);
      o.put("name", name);
      o.put("email", email);
      o.put("status", status);
      if (!departmentId.isEmpty()) {
        ObjectNode d = o.putObject("department");
        d.put("id", departmentId);
        if (!department.isEmpty()) {
          d.put("name", department);
        }
      }
      if (!location.isEmpty()) {
        o.putObject("location").put("name", location);
      }
      return o;
    }
  }
}
