package org.brexsync.connector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** The result of evaluating a mapping for one source record: target field → value (empty = no value). */
public final class MappedRecord {
  private final Map<String, Optional<JsonNode>> values;
  private final java.util.Set<String> absent;

  MappedRecord(Map<String, Optional<JsonNode>> values) {
    this(values, java.util.Set.of());
  }

  MappedRecord(Map<String, Optional<JsonNode>> values, java.util.Set<String> absent) {
    this.values = values;
    this.absent = java.util.Collections.unmodifiableSet(absent); // the caller's own set, never changed after
  }

  /**
   * {@return whether the rule of a target read a source path that is absent from the record (and produced no
   * value): such a target is left alone in Oomnitza (see {@link WhenAbsent})}
   *
   * @param target the target
   */
  public boolean isAbsent(String target) {
    return absent.contains(target);
  }

  /**
   * {@return the mapped value of a target field; empty when the rule produced nothing or there is no such rule}
   *
   * @param target the target
   */
  public Optional<JsonNode> value(String target) {
    Optional<JsonNode> v = values.get(target);
    return v == null ? Optional.empty() : v;
  }

  /**
   * {@return the mapped value as text}
   *
   * @param target the target
   */
  public Optional<String> text(String target) {
    return value(target).map(n -> n.isValueNode() ? n.asText() : n.toString());
  }

  /** {@return all values in rule order} */
  public Map<String, Optional<JsonNode>> values() {
    return values;
  }

  @Override
  public String toString() {
    return "MappedRecord" + values + (absent.isEmpty() ? "" : " absent " + absent);
  }
}
