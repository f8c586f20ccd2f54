package org.brexsync.testkit.internal.oomnitza;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import org.brexsync.testkit.internal.ApiException;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.Router;

/**
 * The Oomnitza simulator's API, one class per resource as oomnitza-client is split:
 * {@link PeopleResource} (users REST v3) over the {@link UserStore}, {@link MetadataResource} (the
 * users data model, mappings), {@link BulkRunsResource} (connector bulk API and run logs),
 * {@link SaasResource} (SaaS applications and users) and {@link Accounts} (token auth);
 * {@link OomnitzaConventions} holds the wire conventions they share. This class wires them,
 * routes, resets and snapshots them, and is what {@code OomnitzaSimulator} talks to.
 */
public final class OomnitzaApi {
  private final Accounts accounts = new Accounts();
  private final UserStore store;
  private final PeopleResource people;
  private final MetadataResource metadata;
  private final BulkRunsResource bulk;
  private final SaasResource saas;

  public OomnitzaApi(Clock clock) {
    this.store = new UserStore(clock);
    this.people = new PeopleResource(store, accounts);
    this.metadata = new MetadataResource(store);
    this.bulk = new BulkRunsResource(clock, store, accounts);
    this.saas = new SaasResource(clock, store);
  }

  /** Oomnitza error body (undocumented; chosen shape): {@code {"errors":[{"code","message"}]}}. */
  public static ApiException error(int status, String message) {
    return OomnitzaConventions.error(status, message);
  }

  /** Registers every endpoint. */
  public void register(Router r) {
    accounts.register(r);
    metadata.register(r);
    people.register(r);
    bulk.register(r);
    saas.register(r);
  }

  // ================================================================== auth

  /** Registers an account; returns its first API token. */
  public String addAccount(String username, String password, String token) {
    return accounts.addAccount(username, password, token);
  }

  /** The account owning a valid token, or null. */
  public String authenticate(String token) {
    return accounts.authenticate(token);
  }

  /** Invalidates a token (as refreshing it in the UI would). */
  public void revokeToken(String token) {
    accounts.revokeToken(token);
  }

  // ================================================================== people

  /** Registers a custom field. */
  public void customField(String externalId, String fieldId, OomnitzaFields.Type type, boolean unique) {
    store.customField(externalId, fieldId, type, unique);
  }

  /** When true, unknown fields are added to the data model as string custom fields. */
  public void allowUnknownFields(boolean allow) {
    store.allowUnknownFields(allow);
  }

  /** Adds a user directly; throws IllegalArgumentException on validation errors. */
  public ObjectNode addUser(ObjectNode user) {
    return store.addUser(user);
  }

  /** All users, in creation order. */
  public List<ObjectNode> users() {
    return store.users();
  }

  /** Number of users. */
  public int userCount() {
    return store.userCount();
  }

  /** The user with this value in a field (unique fields via index, others by scan), or null. */
  public ObjectNode userBy(String field, String value) {
    return store.userBy(field, value);
  }

  // ================================================================== bulk runs

  /** Whether bulk answers carry {@code objects} counts and per-record {@code errors} (default true). */
  public void bulkAnswerDetails(boolean details) {
    bulk.bulkAnswerDetails(details);
  }

  /** Whether unknown top-level properties of a bulk payload are rejected with 400 (default true). */
  public void strictFields(boolean strict) {
    bulk.strictFields(strict);
  }

  /** Cancels a run as a user would in the UI. */
  public ObjectNode cancelRun(String portion) {
    return bulk.cancelRun(portion);
  }

  /** Run details as {@code GET /api/v3/connector_run_logs/connectors/{portion}} returns them, or null. */
  public ObjectNode run(String portion) {
    return bulk.run(portion);
  }

  /** Summaries of all runs, oldest first. */
  public List<ObjectNode> runs() {
    return bulk.runs();
  }

  // ================================================================== SaaS

  /** Adds a SaaS application; returns it ({@code saas_id}, {@code name}). */
  public ObjectNode addSaas(String name) {
    return saas.addSaas(name);
  }

  /** All SaaS users (copies). */
  public List<ObjectNode> saasUsers() {
    return saas.saasUsers();
  }

  // ================================================================== reset / snapshot

  /** Forgets accounts, tokens, users, runs and SaaS data; the data model (custom fields) stays. */
  public void reset() {
    accounts.reset();
    store.reset();
    bulk.reset();
    saas.reset();
  }

  /** Users, runs, SaaS applications and SaaS users as JSON. */
  public ObjectNode snapshot() {
    ObjectNode s = Json.object();
    ArrayNode u = s.putArray("users");
    users().forEach(u::add);
    ArrayNode r = s.putArray("runs");
    runs().forEach(r::add);
    ArrayNode sa = s.putArray("saas");
    saas.applications().forEach(sa::add);
    ArrayNode su = s.putArray("saas_users");
    saasUsers().forEach(su::add);
    return s;
  }
}
