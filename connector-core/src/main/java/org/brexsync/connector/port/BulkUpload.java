package org.brexsync.connector.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** One {@code POST /api/v3/bulk} portion: records keyed by field external id, matched server-side by the sync fields. */
public final class BulkUpload {
  private final String portion;
  private final String connectorName;
  private final List<String> syncFields;
  private final List<ObjectNode> records;
  private final boolean insertOnly;
  private final boolean updateOnly;

  /**
   * A portion.
   *
   * @param portion the run's portion id (one per run)
   * @param connectorName the connector name shown in Oomnitza's run logs (the integration name)
   * @param syncFields the fields Oomnitza matches records on
   * @param records the records, keyed by field external id
   * @param insertOnly true to only create records (never update)
   * @param updateOnly true to only update records (never create)
   */
  public BulkUpload(
      String portion, String connectorName, List<String> syncFields, List<ObjectNode> records, boolean insertOnly, boolean updateOnly) {
    this.portion = Objects.requireNonNull(portion);
    this.connectorName = Objects.requireNonNull(connectorName);
    this.syncFields = List.copyOf(syncFields);
    this.records = List.copyOf(records);
    this.insertOnly = insertOnly;
    this.updateOnly = updateOnly;
  }

  /** {@return the run's portion id (one per run)} */
  public String portion() {
    return portion;
  }

  /** {@return the connector name shown in Oomnitza's run logs (the integration name)} */
  public String connectorName() {
    return connectorName;
  }

  /** {@return the fields Oomnitza matches on} */
  public List<String> syncFields() {
    return syncFields;
  }

  /** {@return the records, keyed by field external id} */
  public List<ObjectNode> records() {
    return records;
  }

  /** {@return whether records are only created (never updated)} */
  public boolean insertOnly() {
    return insertOnly;
  }

  /** {@return whether records are only updated (never created)} */
  public boolean updateOnly() {
    return updateOnly;
  }
}
