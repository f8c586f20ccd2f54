package org.brexsync.oomnitza.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.oomnitza.ExternalId;
import org.brexsync.oomnitza.FieldCatalog;
import org.brexsync.oomnitza.FieldId;
import org.brexsync.oomnitza.FieldRecord;
import org.brexsync.oomnitza.OomnitzaRecord;

/**
 * One record for the bulk API, keyed by {@link FieldId} ({@code USER}, {@code EMAIL}, 32-hex custom
 * ids). Immutable; {@code toString()} lists field ids only.
 *
 * <pre>{@code
 * BulkRecord r = BulkRecord.builder().set(FieldId.USER, "jdoe").set(FieldId.EMAIL, "j@x.com")
 *     .set(FieldId.PERMISSIONS_ID, 25).build();
 * BulkRecord same = BulkRecord.from(user, FieldCatalog.standardUsers());
 * }</pre>
 */
public final class BulkRecord {
  private final Map<FieldId, JsonNode> fields;

  private BulkRecord(Map<FieldId, JsonNode> fields) {
    Map<FieldId, JsonNode> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, v.deepCopy()));
    this.fields = Collections.unmodifiableMap(copy);
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Converts a REST-style record (external ids) to a bulk record (field ids) through
   * {@code catalog}.
   *
   * @param record the record
   * @param catalog the catalog
   * @return the bulk record
   * @throws IllegalArgumentException naming every field the catalog cannot map
   */
  public static BulkRecord from(FieldRecord record, FieldCatalog catalog) {
    Builder b = builder();
    List<String> unmapped = new ArrayList<>();
    record.fields().forEach((name, value) -> {
      Optional<FieldId> id;
      try {
        id = catalog.fieldId(ExternalId.of(name));
      } catch (IllegalArgumentException e) {
        id = Optional.empty();
      }
      if (id.isPresent()) {
        b.set(id.get(), value);
      } else {
        unmapped.add(name);
      }
    });
    if (!unmapped.isEmpty()) {
      throw new IllegalArgumentException("No field id known for external ids " + unmapped
          + "; add them to the FieldCatalog");
    }
    return b.build();
  }

  /**
   * Converts back to a REST-style record through {@code catalog}.
   *
   * @param catalog the catalog
   * @return the Oomnitza record
   * @throws IllegalArgumentException naming every field id the catalog cannot map
   */
  public OomnitzaRecord toRecord(FieldCatalog catalog) {
    OomnitzaRecord.Builder b = OomnitzaRecord.builder();
    List<FieldId> unmapped = new ArrayList<>();
    fields.forEach((id, value) -> {
      Optional<ExternalId> ext = catalog.externalId(id);
      if (ext.isPresent()) {
        b.set(ext.get(), value);
      } else {
        unmapped.add(id);
      }
    });
    if (!unmapped.isEmpty()) {
      throw new IllegalArgumentException("No external id known for field ids " + unmapped);
    }
    return b.build();
  }

  /** {@return all fields (read-only)} */
  public Map<FieldId, JsonNode> fields() {
    Map<FieldId, JsonNode> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, v.isContainerNode() ? v.deepCopy() : v));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * {@return one field's value}
   *
   * @param field the field's external id
   */
  public Optional<JsonNode> get(FieldId field) {
    JsonNode v = fields.get(field);
    return Optional.ofNullable(v == null ? null : v.isContainerNode() ? v.deepCopy() : v);
  }

  /** {@return a builder holding this record's fields} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.fields.putAll(fields);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BulkRecord && ((BulkRecord) o).fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "BulkRecord{fields=" + fields.keySet() + "}";
  }

  /** Builds a {@link BulkRecord}. */
  public static final class Builder {
    private final Map<FieldId, JsonNode> fields = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets a field ({@code null} means JSON null).
     *
     * @param field the field's external id
     * @param value the value
     * @return this builder
     */
    public Builder set(FieldId field, JsonNode value) {
      Objects.requireNonNull(field, "field");
      fields.put(field, value == null ? NullNode.getInstance() : value.deepCopy());
      return this;
    }

    /**
     * Sets a text field.
     *
     * @param field the field's external id
     * @param value the value
     * @return this builder
     */
    public Builder set(FieldId field, String value) {
      return set(field, value == null ? NullNode.getInstance() : JsonNodeFactory.instance.textNode(value));
    }

    /**
     * Sets a numeric field.
     *
     * @param field the field's external id
     * @param value the value
     * @return this builder
     */
    public Builder set(FieldId field, long value) {
      return set(field, JsonNodeFactory.instance.numberNode(value));
    }

    /**
     * Sets a boolean field.
     *
     * @param field the field's external id
     * @param value the value
     * @return this builder
     */
    public Builder set(FieldId field, boolean value) {
      return set(field, JsonNodeFactory.instance.booleanNode(value));
    }

    /**
     * Sets a field named by its id text, e.g. {@code "E622E72FC31F4946A77C95828FD1DBC3"}.
     *
     * @param fieldId the field's id
     * @param value the value
     * @return this builder
     */
    public Builder set(String fieldId, String value) {
      return set(FieldId.of(fieldId), value);
    }

    /**
     * Builds the record.
     *
     * @return the new bulk record
     */
    public BulkRecord build() {
      return new BulkRecord(fields);
    }
  }
}
