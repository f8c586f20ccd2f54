package org.brexsync.oomnitza;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable Oomnitza object of any module as REST v3 returns it: field external id → JSON
 * value (e.g. a SaaS user, or a set of changes for a PATCH). {@link OomnitzaUser} is the typed
 * variant for people. {@code toString()} lists field names only, never values.
 */
public final class OomnitzaRecord extends FieldRecord {
  OomnitzaRecord(Map<String, JsonNode> fields) {
    super(fields);
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a record holding a copy of {@code fields} (keys are taken as-is, as read from Oomnitza)}
   *
   * @param fields the fields
   */
  public static OomnitzaRecord of(Map<String, ? extends JsonNode> fields) {
    return new OomnitzaRecord(new LinkedHashMap<>(fields));
  }

  /** {@return a builder holding this record's fields} */
  public Builder toBuilder() {
    return new Builder().putAll(this);
  }

  /** Builds an {@link OomnitzaRecord}. */
  public static final class Builder extends FieldRecord.AbstractBuilder<Builder> {
    Builder() {}

    /**
     * Builds the record.
     *
     * @return the new Oomnitza record
     */
    public OomnitzaRecord build() {
      return new OomnitzaRecord(fields);
    }
  }
}
