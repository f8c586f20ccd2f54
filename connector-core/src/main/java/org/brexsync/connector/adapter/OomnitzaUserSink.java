package org.brexsync.connector.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.sync.BulkUpload;
import org.brexsync.connector.sync.UserSink;
import org.brexsync.oomnitza.FieldCatalog;
import org.brexsync.oomnitza.FieldId;
import org.brexsync.oomnitza.FieldRecord;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.oomnitza.OomnitzaRecord;
import org.brexsync.oomnitza.OomnitzaUser;
import org.brexsync.oomnitza.bulk.BulkRecord;
import org.brexsync.oomnitza.bulk.BulkRun;
import org.brexsync.oomnitza.bulk.BulkRunOptions;
import org.brexsync.oomnitza.bulk.ConnectorRef;
import org.brexsync.oomnitza.saas.SaasAssignment;

/**
 * The {@link UserSink} over oomnitza-client: correlation with {@code GET /api/v3/users?filter=
 * field IN [...]} per batch (one call, or a few for long batches, as oomnitza-client chunks the list), per-record {@code POST}/{@code PATCH}, bulk runs through
 * {@code /api/v3/bulk} (record keys translated to Oomnitza field ids through a {@link FieldCatalog};
 * add custom fields such as {@code brex_user_id} to it), and SaaS user assignment. Thread-safe.
 */
public final class OomnitzaUserSink implements UserSink {
  private final OomnitzaClient client;
  private final FieldCatalog catalog;
  private final Map<String, BulkRun> runs = new ConcurrentHashMap<>();

  private OomnitzaUserSink(OomnitzaClient client, FieldCatalog catalog) {
    this.client = Objects.requireNonNull(client, "client");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** A sink with the standard users field catalog. */
  public static OomnitzaUserSink of(OomnitzaClient client) {
    return new OomnitzaUserSink(client, FieldCatalog.standardUsers());
  }

  /** A sink translating bulk keys through {@code catalog}. */
  public static OomnitzaUserSink of(OomnitzaClient client, FieldCatalog catalog) {
    return new OomnitzaUserSink(client, catalog);
  }

  @Override
  public List<ObjectNode> findUsers(String field, Collection<String> values) {
    if (values.isEmpty()) {
      return List.of();
    }
    List<ObjectNode> out = new ArrayList<>();
    for (OomnitzaUser u : client.users().findAll(org.brexsync.oomnitza.ExternalId.of(field), values)) {
      out.add(tree(u));
    }
    return out;
  }

  @Override
  public ObjectNode createUser(ObjectNode fields) {
    return tree(client.users().create(OomnitzaUser.of(map(fields))));
  }

  @Override
  public ObjectNode updateUser(ObjectNode existing, ObjectNode changes) {
    String ident = client.users().identOf(OomnitzaUser.of(map(existing)));
    return tree(client.users().update(ident, OomnitzaRecord.of(map(changes))));
  }

  @Override
  public String idOf(ObjectNode user) {
    return client.users().identOf(OomnitzaUser.of(map(user)));
  }

  @Override
  public void bulkUpload(BulkUpload upload) {
    BulkRun run =
        runs.computeIfAbsent(
            upload.portion(),
            p -> {
              org.brexsync.oomnitza.bulk.ImmutableBulkRunOptions.Builder o = BulkRunOptions.builder()
                  .connector(ConnectorRef.name(upload.connectorName()))
                  .insertOnly(upload.insertOnly())
                  .updateOnly(upload.updateOnly())
                  .batchSize(Math.max(1, upload.records().size()))
                  .checkServerCancellation(false)
                  .portion(uuid(p));
              for (String f : upload.syncFields()) {
                o.addSyncFields(fieldId(f));
              }
              return client.bulk().start(o.build());
            });
    for (ObjectNode r : upload.records()) {
      run.add(BulkRecord.from(OomnitzaRecord.of(map(r)), catalog));
    }
    run.flush();
  }

  @Override
  public void finalizeBulk(String portion) {
    BulkRun run = runs.remove(portion);
    if (run != null) {
      run.close();
    } else {
      client.bulk().finalizeRun(portion);
    }
  }

  @Override
  public void assignSaasUsers(String saasId, List<String> userIds) {
    List<SaasAssignment> a = new ArrayList<>(userIds.size());
    for (String id : userIds) {
      a.add(SaasAssignment.assign(id));
    }
    client.saasUsers().assign(saasId, a);
  }

  /**
   * Server errors, rate limits, network failures and unreadable answers are transient; validation,
   * authentication and not-found errors are not.
   */
  @Override
  public boolean isTransient(RuntimeException failure) {
    if (failure instanceof org.brexsync.oomnitza.OomnitzaServerException
        || failure instanceof org.brexsync.oomnitza.OomnitzaRateLimitException
        || failure instanceof org.brexsync.oomnitza.OomnitzaNetworkException
        || failure instanceof org.brexsync.oomnitza.OomnitzaResponseException) {
      return true;
    }
    if (failure instanceof org.brexsync.oomnitza.OomnitzaApiException) {
      int status = ((org.brexsync.oomnitza.OomnitzaApiException) failure).status();
      return status >= 500 || status == 408 || status == 429;
    }
    return !(failure instanceof org.brexsync.oomnitza.OomnitzaException) && UserSink.super.isTransient(failure);
  }

  private FieldId fieldId(String externalId) {
    return catalog
        .fieldId(org.brexsync.oomnitza.ExternalId.of(externalId))
        .orElseThrow(() -> new IllegalArgumentException("no Oomnitza field id known for '" + externalId + "'; add it to the FieldCatalog"));
  }

  private static UUID uuid(String portion) {
    try {
      return UUID.fromString(portion);
    } catch (IllegalArgumentException e) {
      return UUID.nameUUIDFromBytes(portion.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static Map<String, JsonNode> map(ObjectNode o) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  private static ObjectNode tree(FieldRecord r) {
    ObjectNode o = Json.mapper().createObjectNode();
    r.fields().forEach(o::set);
    return o;
  }

  @Override
  public String toString() {
    return "OomnitzaUserSink{" + client.baseUri() + "}";
  }
}
