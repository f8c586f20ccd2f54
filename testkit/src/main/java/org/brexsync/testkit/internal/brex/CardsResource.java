package org.brexsync.testkit.internal.brex;

import static org.brexsync.testkit.internal.brex.BrexConventions.ADDRESS;
import static org.brexsync.testkit.internal.brex.BrexConventions.EMAIL;
import static org.brexsync.testkit.internal.brex.BrexConventions.MONEY;
import static org.brexsync.testkit.internal.brex.BrexConventions.ascii;
import static org.brexsync.testkit.internal.brex.BrexConventions.bad;
import static org.brexsync.testkit.internal.brex.BrexConventions.cursor;
import static org.brexsync.testkit.internal.brex.BrexConventions.date;
import static org.brexsync.testkit.internal.brex.BrexConventions.enumValue;
import static org.brexsync.testkit.internal.brex.BrexConventions.error;
import static org.brexsync.testkit.internal.brex.BrexConventions.limit;
import static org.brexsync.testkit.internal.brex.BrexConventions.money;
import static org.brexsync.testkit.internal.brex.BrexConventions.newId;
import static org.brexsync.testkit.internal.brex.BrexConventions.notFound;
import static org.brexsync.testkit.internal.brex.BrexConventions.page;
import static org.brexsync.testkit.internal.brex.BrexConventions.position;
import static org.brexsync.testkit.internal.brex.BrexConventions.requiredText;
import static org.brexsync.testkit.internal.brex.BrexConventions.textOrNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.brexsync.testkit.SyntheticCompany;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.RequestSchema;
import org.brexsync.testkit.internal.Router;
import org.brexsync.testkit.internal.SimRequest;
import org.brexsync.testkit.internal.SimResponse;

/**
 * The Brex simulator's cards: list (all, or one user's), create (with the spec's rules for owners,
 * limit types, spend controls, mailing addresses and metadata), get, update, lock, unlock,
 * terminate, card number and secure email. Cards of the seeded company are generated on demand;
 * only cards created or changed through the API are stored.
 */
final class CardsResource {
  static final Set<String> CARD_TYPES = Set.of("VIRTUAL", "PHYSICAL");
  static final Set<String> LIMIT_TYPES = Set.of("CARD", "USER");
  static final Set<String> DURATIONS = Set.of("MONTHLY", "QUARTERLY", "YEARLY", "ONE_TIME");
  static final Set<String> REASONS = Set.of("CARD_DAMAGED", "CARD_LOST", "CARD_NOT_RECEIVED",
      "DO_NOT_NEED_PHYSICAL_CARD", "DO_NOT_NEED_VIRTUAL_CARD", "FRAUD", "OTHER");
  static final Set<String> THREE_DS = Set.of("THREE_DOMAIN_SECURE_ENABLED", "THREE_DOMAIN_SECURE_DISABLED");
  private static final Pattern PO_BOX = Pattern.compile(
      "\\b(p\\.?\\s*o\\.?\\s*box|post\\s+office\\s+box|pmb)\\b", Pattern.CASE_INSENSITIVE);
  /** Request body properties, from brex-team-api.2025-03. */
  static final Map<String, RequestSchema> SCHEMAS = Map.of(
      "POST /v2/cards", new RequestSchema(Map.of(
          "", Set.of("owner", "card_name", "card_type", "limit_type", "spend_controls", "mailing_address", "metadata",
              "card_attribute_preferences"),
          "owner", Set.of("type", "user_id"),
          "spend_controls", Set.of("spend_limit", "spend_duration", "reason", "lock_after_date", "parent_budget_id",
              "policy_id"),
          "spend_controls.spend_limit", MONEY,
          "mailing_address", ADDRESS,
          "card_attribute_preferences", Set.of("three_domain_secure_enabled_preference"))),
      "PUT /v2/cards/{id}", new RequestSchema(Map.of(
          "", Set.of("spend_controls", "metadata"),
          "spend_controls", Set.of("spend_limit", "spend_duration", "reason", "lock_after_date"),
          "spend_controls.spend_limit", MONEY)),
      "POST /v2/cards/{id}/lock", new RequestSchema(Map.of("", Set.of("reason", "description"))),
      "POST /v2/cards/{id}/terminate", new RequestSchema(Map.of("", Set.of("reason", "description"))),
      "POST /v2/cards/{id}/secure_email", new RequestSchema(Map.of("", Set.of("recipient_email",
          "sender_name", "message", "expiry_days"))));

  private final BrexState state;
  private final UsersResource users;
  // writes under the state lock; concurrent maps for lock-free reads
  private final ConcurrentHashMap<String, ObjectNode> cards = new ConcurrentHashMap<>();
  private final List<String> createdCards = new ArrayList<>();
  private final ConcurrentHashMap<String, List<String>> createdCardsByUser = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> pans = new ConcurrentHashMap<>();
  private final List<ObjectNode> secureEmails = new ArrayList<>();

  CardsResource(BrexState state, UsersResource users) {
    this.state = state;
    this.users = users;
  }

  void register(Router r, Idempotency idem) {
    r.add("GET", "/v2/cards", this::listCards);
    r.add("POST", "/v2/cards", idem.wrap(true, this::createCard));
    r.add("GET", "/v2/cards/{id}", req -> SimResponse.ok(requireCard(req.pathParam("id"))));
    r.add("PUT", "/v2/cards/{id}", idem.wrap(false, this::updateCard));
    r.add("POST", "/v2/cards/{id}/lock", idem.wrap(false, this::lockCard));
    r.add("POST", "/v2/cards/{id}/unlock", idem.wrap(false, this::unlockCard));
    r.add("POST", "/v2/cards/{id}/terminate", idem.wrap(false, this::terminateCard));
    r.add("GET", "/v2/cards/{id}/pan", this::cardNumber);
    r.add("POST", "/v2/cards/{id}/secure_email", idem.wrap(true, this::secureEmail));
  }

  /** The current state of a card, or null. Do not mutate the result. */
  ObjectNode card(String id) {
    if (id == null) {
      return null;
    }
    ObjectNode c = cards.get(id);
    if (c != null) {
      return c;
    }
    SyntheticCompany b = state.base;
    int[] ik = b == null ? null : b.indexOfCardId(id);
    return ik == null ? null : b.card(ik[0], ik[1]);
  }

  private ObjectNode requireCard(String id) {
    ObjectNode c = card(id);
    if (c == null) {
      throw notFound("CARD_NOT_FOUND");
    }
    return c;
  }

  /** Ids of all cards of a user, generated first then created, in creation order. */
  List<String> cardIdsOf(String userId) {
    List<String> ids = new ArrayList<>();
    SyntheticCompany b = state.base;
    int i = b == null ? -1 : b.indexOfUserId(userId);
    if (i >= 0) {
      for (int k = 0; k < b.cardCount(i); k++) {
        ids.add(b.cardId(i, k));
      }
    }
    synchronized (state.lock) {
      List<String> created = createdCardsByUser.get(userId);
      if (created != null) {
        ids.addAll(created);
      }
    }
    return ids;
  }

  private SimResponse listCards(SimRequest req) {
    int limit = limit(req);
    long from = position(req);
    String userId = req.queryParam("user_id");
    List<ObjectNode> items = new ArrayList<>();
    if (userId != null) {
      List<String> ids = users.user(userId) == null ? List.of() : cardIdsOf(userId);
      long pos = from;
      for (; pos < ids.size() && items.size() < limit; pos++) {
        items.add(card(ids.get((int) pos)));
      }
      return SimResponse.ok(page(items, pos < ids.size() ? cursor(pos) : null));
    }
    // Position space: base cards as userIndex * 16 + k, then created cards at 2^40 + j.
    final long createdBase = 1L << 40;
    SyntheticCompany b = state.base;
    long pos = from;
    if (b != null && pos < createdBase) {
      int i = (int) (pos / 16);
      int k = (int) (pos % 16);
      while (i < b.size() && items.size() < limit) {
        int n = b.cardCount(i);
        if (k < n) {
          items.add(card(b.cardId(i, k)));
          k++;
        } else {
          i++;
          k = 0;
        }
      }
      pos = i >= b.size() ? createdBase : (long) i * 16 + k;
      if (items.size() >= limit) {
        boolean more = i < b.size() && (k < b.cardCount(i) || hasCardsAfter(b, i)) || createdCount() > 0;
        return SimResponse.ok(page(items, more ? cursor(pos) : null));
      }
    }
    if (pos < createdBase) {
      pos = createdBase;
    }
    List<String> created;
    synchronized (state.lock) {
      created = new ArrayList<>(createdCards);
    }
    long j = pos - createdBase;
    for (; j < created.size() && items.size() < limit; j++) {
      items.add(card(created.get((int) j)));
    }
    return SimResponse.ok(page(items, j < created.size() ? cursor(createdBase + j) : null));
  }

  private static boolean hasCardsAfter(SyntheticCompany b, int i) {
    for (int x = i + 1; x < b.size(); x++) {
      if (b.cardCount(x) > 0) {
        return true;
      }
    }
    return false;
  }

  private int createdCount() {
    synchronized (state.lock) {
      return createdCards.size();
    }
  }

  private SimResponse createCard(SimRequest req) {
    ObjectNode b = req.jsonObject();
    JsonNode owner = b.get("owner");
    if (owner == null || !owner.isObject()) {
      throw bad("owner is required");
    }
    if (!"USER".equals(Json.text(owner, "type"))) {
      throw bad("owner.type is invalid: must be USER");
    }
    String userId = Json.text(owner, "user_id");
    if (userId == null || userId.isEmpty()) {
      throw bad("owner.user_id is required");
    }
    ObjectNode user = users.user(userId);
    if (user == null) {
      throw error(400, "BAD_REQUEST", "owner.user_id is invalid: user not found", "USER_NOT_FOUND");
    }
    String userStatus = Json.text(user, "status");
    if (!"ACTIVE".equals(userStatus) && !"INVITED".equals(userStatus)) {
      throw bad("Cannot create a card for a user with status " + userStatus);
    }
    String name = requiredText(b, "card_name");
    ascii("card_name", name);
    String cardType = enumValue(b, "card_type", CARD_TYPES, true);
    String limitType = enumValue(b, "limit_type", LIMIT_TYPES, true);
    JsonNode sc = b.get("spend_controls");
    boolean hasSc = sc != null && !sc.isNull();
    ObjectNode spend = null;
    if (limitType.equals("CARD")) {
      if (!cardType.equals("VIRTUAL")) {
        throw bad("limit_type CARD is only allowed for VIRTUAL cards");
      }
      if (!hasSc) {
        throw bad("spend_controls is required when limit_type is CARD");
      }
      if (!sc.isObject() || sc.get("spend_limit") == null || sc.get("spend_limit").isNull()) {
        throw bad("spend_controls.spend_limit is required");
      }
      long amount = money(sc.get("spend_limit"), "spend_controls.spend_limit");
      String duration = enumValue((ObjectNode) sc, "spend_duration", DURATIONS, true);
      spend = Json.object();
      spend.set("spend_limit", money(amount));
      spend.set("spend_available", money(amount));
      spend.put("spend_duration", duration);
      spend.set("reason", textOrNull(sc, "reason"));
      spend.set("lock_after_date", date(sc, "spend_controls.lock_after_date"));
    } else if (hasSc) {
      throw bad("spend_controls must be null when limit_type is USER");
    }
    JsonNode mailing = b.get("mailing_address");
    boolean hasMailing = mailing != null && !mailing.isNull();
    if (cardType.equals("PHYSICAL")) {
      if (!hasMailing) {
        throw bad("mailing_address is required for PHYSICAL cards");
      }
      checkMailingAddress(mailing);
      long activePhysical = cardIdsOf(userId).stream().map(this::card)
          .filter(c -> "PHYSICAL".equals(Json.text(c, "card_type")) && !"TERMINATED".equals(Json.text(c, "status")))
          .count();
      if (activePhysical >= 10) {
        throw error(400, "BAD_REQUEST", "Each user can only have up to 10 active physical cards",
            "PHYSICAL_CARD_LIMIT_REACHED");
      }
    } else if (hasMailing && !mailing.isObject()) {
      throw bad("mailing_address is invalid");
    }
    JsonNode metadata = cardMetadata(b.get("metadata"));
    JsonNode prefs = b.get("card_attribute_preferences");
    if (prefs != null && !prefs.isNull()) {
      if (!prefs.isObject()) {
        throw bad("card_attribute_preferences is invalid");
      }
      enumValue((ObjectNode) prefs, "three_domain_secure_enabled_preference", THREE_DS, false);
    }
    String id = newId("ncard_");
    String pan = newPan();
    ObjectNode c = Json.object();
    c.put("id", id);
    ObjectNode o = c.putObject("owner");
    o.put("type", "USER");
    o.put("user_id", userId);
    c.put("status", "ACTIVE");
    c.put("last_four", pan.substring(12));
    c.put("card_name", name);
    c.put("card_type", cardType);
    c.put("limit_type", limitType);
    c.set("spend_controls", spend == null ? NullNode.getInstance() : spend);
    c.set("billing_address", state.company.get("mailing_address").deepCopy());
    c.set("mailing_address", hasMailing ? mailing.deepCopy() : NullNode.getInstance());
    ObjectNode exp = c.putObject("expiration_date");
    java.time.LocalDate now = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    exp.put("month", now.getMonthValue());
    exp.put("year", now.getYear() + 4);
    c.put("has_been_transferred", false);
    c.set("metadata", metadata);
    c.putNull("budget_id");
    storeCreatedCard(c, pan);
    return SimResponse.ok(c);
  }

  private void storeCreatedCard(ObjectNode c, String pan) {
    String id = c.get("id").asText();
    cards.put(id, c);
    createdCards.add(id);
    createdCardsByUser.computeIfAbsent(c.get("owner").get("user_id").asText(), k -> new ArrayList<>()).add(id);
    pans.put(id, pan);
  }

  private static void checkMailingAddress(JsonNode a) {
    if (!a.isObject()) {
      throw bad("mailing_address is invalid");
    }
    String line1 = Json.text(a, "line1");
    String line2 = Json.text(a, "line2");
    if (line1 == null || line1.isBlank()) {
      throw bad("mailing_address.line1 is required");
    }
    for (String f : List.of("line1", "line2", "city", "state", "postal_code")) {
      String v = Json.text(a, f);
      if (v != null) {
        ascii("mailing_address." + f, v);
      }
    }
    if (line1.length() >= 60 || (line2 != null && line2.length() >= 60)) {
      throw bad("mailing_address lines must be under 60 characters");
    }
    if (PO_BOX.matcher(line1).find() || (line2 != null && PO_BOX.matcher(line2).find())) {
      throw bad("mailing_address cannot be a PO box");
    }
    String country = Json.text(a, "country");
    if (country == null || !(country.equalsIgnoreCase("US") || country.equalsIgnoreCase("USA"))) {
      throw bad("mailing_address must be in the US");
    }
    if (Json.text(a, "city") == null || Json.text(a, "postal_code") == null || Json.text(a, "state") == null) {
      throw bad("mailing_address requires city, state and postal_code");
    }
  }

  private static JsonNode cardMetadata(JsonNode m) {
    if (m == null || m.isNull()) {
      return Json.object();
    }
    if (!m.isObject()) {
      throw bad("metadata is invalid");
    }
    if (m.size() > 50) {
      throw bad("metadata cannot have more than 50 keys");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = m.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().length() > 40) {
        throw bad("metadata keys cannot exceed 40 characters");
      }
      if (!e.getValue().isTextual()) {
        throw bad("metadata values must be strings");
      }
      if (e.getValue().asText().length() > 500) {
        throw bad("metadata values cannot exceed 500 characters");
      }
    }
    return m.deepCopy();
  }

  private ObjectNode mutableCard(String id) {
    return requireCard(id).deepCopy();
  }

  private SimResponse updateCard(SimRequest req) {
    ObjectNode c = mutableCard(req.pathParam("id"));
    ObjectNode b = req.jsonObject();
    if ("TERMINATED".equals(Json.text(c, "status"))) {
      throw bad("Cannot update a terminated card");
    }
    JsonNode sc = b.get("spend_controls");
    if (sc != null && !sc.isNull()) {
      if (!"CARD".equals(Json.text(c, "limit_type"))) {
        throw bad("spend_controls can only be updated on cards with limit_type CARD");
      }
      if (!sc.isObject()) {
        throw bad("spend_controls is invalid");
      }
      ObjectNode cur = (ObjectNode) c.get("spend_controls");
      if (sc.has("spend_limit") && !sc.get("spend_limit").isNull()) {
        long oldLimit = cur.path("spend_limit").path("amount").asLong();
        long oldAvail = cur.path("spend_available").path("amount").asLong();
        long amount = money(sc.get("spend_limit"), "spend_controls.spend_limit");
        cur.set("spend_limit", money(amount));
        cur.set("spend_available", money(Math.max(0, amount - (oldLimit - oldAvail))));
      }
      if (sc.has("spend_duration") && !sc.get("spend_duration").isNull()) {
        cur.put("spend_duration", enumValue((ObjectNode) sc, "spend_duration", DURATIONS, true));
      }
      if (sc.has("reason")) {
        cur.set("reason", textOrNull(sc, "reason"));
      }
      if (sc.has("lock_after_date")) {
        cur.set("lock_after_date", date(sc, "spend_controls.lock_after_date"));
      }
    }
    if (b.has("metadata")) {
      c.set("metadata", cardMetadata(b.get("metadata")));
    }
    cards.put(c.get("id").asText(), c);
    return SimResponse.ok(c);
  }

  private SimResponse lockCard(SimRequest req) {
    ObjectNode c = mutableCard(req.pathParam("id"));
    ObjectNode b = req.jsonObject();
    enumValue(b, "reason", REASONS, true);
    if (!"ACTIVE".equals(Json.text(c, "status"))) {
      throw error(400, "BAD_REQUEST", "Only an ACTIVE card can be locked; card is " + Json.text(c, "status"),
          "INVALID_CARD_STATUS");
    }
    c.put("status", "LOCKED");
    cards.put(c.get("id").asText(), c);
    return SimResponse.ok(c);
  }

  private SimResponse unlockCard(SimRequest req) {
    ObjectNode c = mutableCard(req.pathParam("id"));
    if (!"LOCKED".equals(Json.text(c, "status"))) {
      throw error(400, "BAD_REQUEST", "Only a LOCKED card can be unlocked; card is " + Json.text(c, "status"),
          "INVALID_CARD_STATUS");
    }
    c.put("status", "ACTIVE");
    cards.put(c.get("id").asText(), c);
    return SimResponse.ok(c);
  }

  private SimResponse terminateCard(SimRequest req) {
    ObjectNode c = mutableCard(req.pathParam("id"));
    ObjectNode b = req.jsonObject();
    enumValue(b, "reason", REASONS, true);
    if ("TERMINATED".equals(Json.text(c, "status"))) {
      throw error(400, "BAD_REQUEST", "Card is already terminated", "INVALID_CARD_STATUS");
    }
    c.put("status", "TERMINATED");
    cards.put(c.get("id").asText(), c);
    return SimResponse.ok(c);
  }

  private String panOf(String cardId) {
    String pan = pans.get(cardId);
    if (pan != null) {
      return pan;
    }
    SyntheticCompany b = state.base;
    int[] ik = b == null ? null : b.indexOfCardId(cardId);
    return ik == null ? null : b.pan(ik[0], ik[1]);
  }

  private SimResponse cardNumber(SimRequest req) {
    ObjectNode c = requireCard(req.pathParam("id"));
    String id = c.get("id").asText();
    String pan = panOf(id);
    ObjectNode r = Json.object();
    r.put("id", id);
    r.put("number", pan);
    SyntheticCompany b = state.base;
    int[] ik = b == null ? null : b.indexOfCardId(id);
    r.put("cvv", ik != null ? b.cvv(ik[0], ik[1]) : String.format(Locale.ROOT, "%03d", Math.abs(pan.hashCode()) % 1000));
    r.set("expiration_date", c.get("expiration_date").deepCopy());
    ObjectNode owner = users.user(c.path("owner").path("user_id").asText());
    r.put("holder_name", owner == null ? "" : Json.text(owner, "first_name") + " " + Json.text(owner, "last_name"));
    return SimResponse.ok(r);
  }

  private SimResponse secureEmail(SimRequest req) {
    requireCard(req.pathParam("id"));
    ObjectNode b = req.jsonObject();
    String to = requiredText(b, "recipient_email");
    if (!EMAIL.matcher(to).matches()) {
      throw bad("recipient_email is invalid");
    }
    requiredText(b, "sender_name");
    JsonNode days = b.get("expiry_days");
    if (days != null && !days.isNull() && (!days.isInt() || days.asInt() < 1 || days.asInt() > 30)) {
      throw bad("expiry_days must be between 1 and 30");
    }
    ObjectNode record = b.deepCopy();
    record.put("card_id", req.pathParam("id"));
    secureEmails.add(record);
    return SimResponse.empty(200);
  }

  private String newPan() {
    StringBuilder sb = new StringBuilder("555671");
    ThreadLocalRandom r = ThreadLocalRandom.current();
    while (sb.length() < 15) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    int sum = 0;
    boolean dbl = true;
    for (int i = sb.length() - 1; i >= 0; i--) {
      int d = sb.charAt(i) - '0';
      if (dbl) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      dbl = !dbl;
    }
    return sb.append((char) ('0' + (10 - sum % 10) % 10)).toString();
  }

  // ================================================================== direct helpers

  /** Creates a card directly, bypassing validation (for arranging test states). */
  ObjectNode createCardDirect(String userId, String cardType, String limitType, String status, String name) {
    synchronized (state.lock) {
      if (users.user(userId) == null) {
        throw new IllegalArgumentException("no user " + userId);
      }
      String pan = newPan();
      ObjectNode c = Json.object();
      c.put("id", newId("ncard_"));
      ObjectNode o = c.putObject("owner");
      o.put("type", "USER");
      o.put("user_id", userId);
      c.put("status", status);
      c.put("last_four", pan.substring(12));
      c.put("card_name", name);
      c.put("card_type", cardType);
      c.put("limit_type", limitType);
      if (limitType.equals("CARD")) {
        ObjectNode sc = c.putObject("spend_controls");
        sc.set("spend_limit", money(100_000));
        sc.set("spend_available", money(100_000));
        sc.put("spend_duration", "MONTHLY");
        sc.putNull("reason");
        sc.putNull("lock_after_date");
      } else {
        c.putNull("spend_controls");
      }
      c.set("billing_address", state.company.get("mailing_address").deepCopy());
      c.set("mailing_address", cardType.equals("PHYSICAL") ? state.company.get("mailing_address").deepCopy()
          : NullNode.getInstance());
      ObjectNode exp = c.putObject("expiration_date");
      exp.put("month", 12);
      exp.put("year", 2030);
      c.put("has_been_transferred", false);
      c.putObject("metadata");
      c.putNull("budget_id");
      storeCreatedCard(c, pan);
      return c.deepCopy();
    }
  }

  /** Sets a card's status directly. */
  ObjectNode setCardStatus(String cardId, String status) {
    synchronized (state.lock) {
      ObjectNode c = card(cardId);
      if (c == null) {
        throw new IllegalArgumentException("no card " + cardId);
      }
      ObjectNode n = c.deepCopy();
      n.put("status", status);
      cards.put(cardId, n);
      return n.deepCopy();
    }
  }

  /** Secure-email requests received, in order. */
  List<ObjectNode> secureEmails() {
    synchronized (state.lock) {
      List<ObjectNode> out = new ArrayList<>();
      secureEmails.forEach(e -> out.add(e.deepCopy()));
      return out;
    }
  }

  /** Forgets created and changed cards, card numbers and secure emails (call under the lock). */
  void reset() {
    cards.clear();
    createdCards.clear();
    createdCardsByUser.clear();
    pans.clear();
    secureEmails.clear();
  }

  /** Cards created or changed through the API, by id (call under the lock). */
  ObjectNode changedSnapshot() {
    ObjectNode c = Json.object();
    cards.forEach((k, v) -> c.set(k, v.deepCopy()));
    return c;
  }
}
