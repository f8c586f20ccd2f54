package org.brexsync.testkit.internal.brex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brexsync.testkit.SyntheticCompany;
import org.brexsync.testkit.internal.ApiException;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.RequestSchema;
import org.brexsync.testkit.internal.Router;

/**
 * The Brex simulator's API (Team API 2025-03 + Webhooks API 2024-06), one class per resource as
 * brex-client is split: {@link UsersResource}, {@link CardsResource},
 * {@link ReferenceDataResource} (departments, locations, titles, company, legal entities) and
 * {@link WebhooksResource}; {@link BrexConventions} holds the wire conventions they share and
 * {@link Idempotency} the key semantics of every write. This class wires them, routes, resets and
 * snapshots them, and is what {@code BrexSimulator} talks to.
 *
 * <p>Users and cards of a seeded {@link SyntheticCompany} are generated on demand; only users and
 * cards that were created or changed through the API are stored (copy-on-write JSON trees).
 * Every mutation runs under one lock ({@link BrexState#lock}), so idempotency checks and their
 * effects are atomic.
 */
public final class BrexApi {
  private final BrexState state = new BrexState();
  private final WebhookDispatcher dispatcher;
  private final Idempotency idempotency;
  private final ReferenceDataResource reference;
  private final WebhooksResource webhooks;
  private final UsersResource users;
  private final CardsResource cards;

  public BrexApi(WebhookDispatcher dispatcher) {
    this.dispatcher = dispatcher;
    Map<String, RequestSchema> schemas = new HashMap<>();
    schemas.putAll(UsersResource.SCHEMAS);
    schemas.putAll(CardsResource.SCHEMAS);
    schemas.putAll(ReferenceDataResource.SCHEMAS);
    schemas.putAll(WebhooksResource.SCHEMAS);
    this.idempotency = new Idempotency(state, schemas);
    this.reference = new ReferenceDataResource(state);
    this.webhooks = new WebhooksResource(state, dispatcher);
    this.users = new UsersResource(state, reference, webhooks);
    this.cards = new CardsResource(state, users);
    reset(null);
  }

  /** Brex's error body: {@code {"type", "message"[, "code"]}}. */
  public static ApiException error(int status, String message) {
    return BrexConventions.error(status, message);
  }

  /** Brex's error body with an explicit type and an optional code. */
  public static ApiException error(int status, String type, String message, String code) {
    return BrexConventions.error(status, type, message, code);
  }

  /** A Brex {@code Money} object in USD; the seed generator builds its spend controls with it too. */
  public static ObjectNode money(long cents) {
    return BrexConventions.money(cents);
  }

  /** Registers every endpoint (literal segments such as {@code /v2/users/me} win over parameters). */
  public void register(Router r) {
    users.register(r, idempotency);
    cards.register(r, idempotency);
    reference.register(r, idempotency);
    webhooks.register(r, idempotency);
  }

  /** Resets all state; seeds a company, or creates one admin user when {@code seed} is null. */
  public void reset(SyntheticCompany seed) {
    synchronized (state.lock) {
      idempotency.clear();
      state.base = seed;
      SyntheticCompany org = seed != null ? seed : SyntheticCompany.generate(0, 1);
      state.company = org.company();
      cards.reset();
      users.reset(seed, org);
      reference.reset(seed, org);
      webhooks.reset();
    }
    dispatcher.clear();
  }

  /** Whether unknown request-body properties are rejected with 400 (default true). */
  public void strictFields(boolean strict) {
    idempotency.strictFields(strict);
  }

  // ================================================================== direct helpers

  /** Number of users (generated plus created). */
  public int userCount() {
    return users.userCount();
  }

  /** The current state of a user, or null. Do not mutate the result. */
  public ObjectNode user(String id) {
    return users.user(id);
  }

  /** The current state of a card, or null. Do not mutate the result. */
  public ObjectNode card(String id) {
    return cards.card(id);
  }

  /** Ids of all cards of a user, generated first then created, in creation order. */
  public List<String> cardIdsOf(String userId) {
    return cards.cardIdsOf(userId);
  }

  /** Id of the user the tokens belong to ({@code GET /v2/users/me}). */
  public String meId() {
    return state.meId;
  }

  /** Creates a user directly (no request, no webhook); the status may be any UserStatus. */
  public ObjectNode createUserDirect(String firstName, String lastName, String email, String status) {
    return users.createUserDirect(firstName, lastName, email, status);
  }

  /** Sets a user's status directly (any UserStatus); fires USER_UPDATED when it changes. */
  public ObjectNode setUserStatus(String userId, String status) {
    return users.setUserStatus(userId, status);
  }

  /** Creates a card directly, bypassing validation (for arranging test states). */
  public ObjectNode createCardDirect(String userId, String cardType, String limitType, String status, String name) {
    return cards.createCardDirect(userId, cardType, limitType, status, name);
  }

  /** Sets a card's status directly. */
  public ObjectNode setCardStatus(String cardId, String status) {
    return cards.setCardStatus(cardId, status);
  }

  /** Secure-email requests received, in order. */
  public List<ObjectNode> secureEmails() {
    return cards.secureEmails();
  }

  /** Adds a new ACTIVE secret and marks the previous ones PENDING_REVOKE. */
  public String rotateWebhookSecret() {
    return webhooks.rotateSecret();
  }

  /** The live secrets, newest first. */
  public List<String> webhookSecrets() {
    return webhooks.secrets();
  }

  /** A JSON snapshot of the changed state (generated users and cards appear only once changed). */
  public ObjectNode snapshot() {
    synchronized (state.lock) {
      ObjectNode s = Json.object();
      s.put("seeded_users", state.baseSize());
      s.put("user_count", state.baseSize() + users.createdCount());
      s.set("company", state.company.deepCopy());
      s.set("changed_users", users.changedSnapshot());
      s.set("changed_cards", cards.changedSnapshot());
      s.set("limits", users.limitsSnapshot());
      s.set("departments", reference.departmentsSnapshot());
      s.set("locations", reference.locationsSnapshot());
      s.set("titles", reference.titlesSnapshot());
      s.set("webhook_subscriptions", webhooks.subscriptionsSnapshot());
      s.put("idempotency_keys", idempotency.size());
      return s;
    }
  }
}
