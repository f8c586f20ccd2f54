package org.brexsync.oomnitza.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.brexsync.oomnitza.FieldId;
import org.brexsync.oomnitza.RequestOptions;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * How a connector run behaves: which connector, which records ({@code data_type}), how Oomnitza
 * matches them ({@code sync_field}), Create &amp; Update / Create only / Update only, test run, batch
 * size, cancellation.
 *
 * <pre>{@code
 * BulkRunOptions o = BulkRunOptions.builder()
 *     .connector(ConnectorRef.name("Brex"))
 *     .addSyncFields(FieldId.EMAIL)
 *     .updateOnly(true)
 *     .cancellation(() -> shuttingDown)
 *     .build();
 * }</pre>
 *
 * <p>{@code insertOnly} and {@code updateOnly} together are refused when the options are built,
 * before any call.
 */
@Value.Immutable
@ValueStyle
public abstract class BulkRunOptions implements WithBulkRunOptions {
  /** Default records per upload, as the official connector's bulk mode. */
  public static final int DEFAULT_BATCH_SIZE = 100;

  private static final Set<String> RESERVED = Set.of("connector_version", "sync_field", "records",
      "portion", "data_type", "insert_only", "update_only", "error", "test_run", "connector_name",
      "connector_id", "error_type");

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the connector this run belongs to ({@code connector_name} or {@code connector_id})} */
  public abstract ConnectorRef connector();

  /** {@return {@code data_type}: {@code users} (default) or {@code assets} or a managed type} */
  @Value.Default
  public String dataType() {
    return "users";
  }

  /**
   * {@return {@code sync_field}: the field ids that identify a record; empty lets Oomnitza use its mapping}
   * Whether several fields are AND-ed or tried in order is not documented.
   */
  public abstract List<FieldId> syncFields();

  /** {@return {@code insert_only}: create new records, never update existing ones ("Create only")} */
  @Value.Default
  public boolean insertOnly() {
    return false;
  }

  /** {@return {@code update_only}: update existing records, never create ("Update only")} */
  @Value.Default
  public boolean updateOnly() {
    return false;
  }

  /** {@return {@code test_run}: Oomnitza keeps the payload for inspection instead of applying it} */
  @Value.Default
  public boolean testRun() {
    return false;
  }

  /** {@return records per {@code POST /api/v3/bulk}} */
  @Value.Default
  public int batchSize() {
    return DEFAULT_BATCH_SIZE;
  }

  /** {@return the run id ({@code portion}); a random UUID when absent} */
  public abstract Optional<UUID> portion();

  /** {@return {@code connector_version} sent with every batch (undocumented; configurable)} */
  @Value.Default
  public String connectorVersion() {
    return "brexsync-0.1.0";
  }

  /**
   * {@return checked once before every batch; when it returns true the run stops with
   * {@link org.brexsync.oomnitza.OomnitzaCancelledException} and is finalized on close}
   */
  @Value.Auxiliary
  public abstract Optional<BooleanSupplier> cancellation();

  /**
   * {@return whether to ask Oomnitza before every batch if the run was cancelled in its UI
   * ({@code GET /api/v3/bulk/{portion}} → {@code canceled})} One extra GET per batch.
   */
  @Value.Default
  public boolean checkServerCancellation() {
    return true;
  }

  /** {@return headers for every call of the run (e.g. {@code Oomnitza-Not-Trigger-WF})} */
  @Value.Default
  public RequestOptions requestOptions() {
    return RequestOptions.none();
  }

  /**
   * {@return further top-level payload fields for undocumented behaviour (e.g. {@code multi_str_input_value})}
   */
  public abstract Map<String, JsonNode> extraPayload();

  @Value.Check
  void check() {
    if (insertOnly() && updateOnly()) {
      throw new IllegalArgumentException(
          "insertOnly and updateOnly are mutually exclusive (use neither for Create & Update)");
    }
    if (batchSize() < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1");
    }
    if (dataType().isBlank()) {
      throw new IllegalArgumentException("dataType must not be blank");
    }
    for (String k : extraPayload().keySet()) {
      if (RESERVED.contains(k)) {
        throw new IllegalArgumentException("extraPayload must not override '" + k + "'");
      }
    }
  }

  /**
   * Builder of {@link BulkRunOptions}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableBulkRunOptions.Builder {
    Builder() {}
  }
}
