package org.brexsync.oomnitza;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Base of the immutable Oomnitza objects ({@link OomnitzaRecord}, {@link OomnitzaUser}): field
 * external id → JSON value. Oomnitza's data model is customised per tenant, so any field is
 * reachable through {@link #get(String)}.
 *
 * <p>A field present with a JSON {@code null} value means "set to null" in a write; an absent field
 * means "leave unchanged". {@code toString()} lists field names only, never values.
 */
public abstract class FieldRecord {
  private final Map<String, JsonNode> fields;

  FieldRecord(Map<String, JsonNode> fields) {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, v == null ? NullNode.getInstance() : v.deepCopy()));
    this.fields = Collections.unmodifiableMap(copy);
  }

  /**
   * {@return all fields, external id → value (a read-only view; container values are copies on access via {@link #get})}
   */
  public Map<String, JsonNode> fields() {
    Map<String, JsonNode> copy = new LinkedHashMap<>();
    fields.forEach((k, v) -> copy.put(k, v.isContainerNode() ? v.deepCopy() : v));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * {@return the value of a field, including an explicit JSON null; empty if the field is absent}
   *
   * @param externalId the field's external id
   */
  public Optional<JsonNode> get(String externalId) {
    JsonNode v = fields.get(externalId);
    return Optional.ofNullable(v == null ? null : v.isContainerNode() ? v.deepCopy() : v);
  }

  /**
   * {@return the value of a field, including an explicit JSON null; empty if the field is absent}
   *
   * @param externalId the field's external id
   */
  public Optional<JsonNode> get(ExternalId externalId) {
    return get(externalId.value());
  }

  /**
   * {@return true if the field is present (possibly with a null value)}
   *
   * @param externalId the field's external id
   */
  public boolean has(String externalId) {
    return fields.containsKey(externalId);
  }

  /**
   * {@return true if the field is present with an explicit JSON null}
   *
   * @param externalId the field's external id
   */
  public boolean isNull(String externalId) {
    JsonNode v = fields.get(externalId);
    return v != null && v.isNull();
  }

  /**
   * {@return a scalar field as text (numbers and booleans converted); empty if absent, null or a container}
   *
   * @param externalId the field's external id
   */
  public Optional<String> text(String externalId) {
    JsonNode v = fields.get(externalId);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return Optional.empty();
    }
    return Optional.of(v.asText());
  }

  /**
   * {@return a field as text; see {@link #text(String)}}
   *
   * @param externalId the field's external id
   */
  public Optional<String> text(ExternalId externalId) {
    return text(externalId.value());
  }

  /**
   * {@return a numeric field (or a numeric string) as a long; empty if absent, null or not an integer}
   *
   * @param externalId the field's external id
   */
  public Optional<Long> longValue(String externalId) {
    JsonNode v = fields.get(externalId);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return Optional.of(v.longValue());
    }
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue();
      try {
        return Optional.of(d.longValueExact());
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
    }
    if (v.isTextual()) {
      try {
        return Optional.of(Long.parseLong(v.asText().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * {@return a boolean field; JSON booleans, {@code "true"/"false"}, {@code 1/0} are understood; empty
   * otherwise}
   *
   * @param externalId the field's external id
   */
  public Optional<Boolean> booleanValue(String externalId) {
    JsonNode v = fields.get(externalId);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isBoolean()) {
      return Optional.of(v.booleanValue());
    }
    String s = v.asText().trim();
    if (s.equalsIgnoreCase("true") || s.equals("1")) {
      return Optional.of(true);
    }
    if (s.equalsIgnoreCase("false") || s.equals("0")) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /**
   * {@return a date field} Oomnitza dates are UTC, either Unix seconds or ISO 8601; both are understood.
   * Empty if absent, null or unparseable.
   *
   * @param externalId the field's external id
   */
  public Optional<Instant> instant(String externalId) {
    JsonNode v = fields.get(externalId);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isNumber()) {
      return Optional.of(Instant.ofEpochSecond(v.longValue()));
    }
    if (v.isTextual()) {
      String s = v.asText().trim();
      try {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(s)));
      } catch (NumberFormatException ignored) {
        // not seconds; try ISO below
      }
      try {
        return Optional.of(Instant.parse(s));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** {@return a fresh JSON object with all fields (a copy: changing it does not change this record)} */
  public com.fasterxml.jackson.databind.node.ObjectNode toObjectNode() {
    com.fasterxml.jackson.databind.node.ObjectNode o = JsonNodeFactory.instance.objectNode();
    fields.forEach((k, v) -> o.set(k, v.deepCopy()));
    return o;
  }

  /** {@return number of fields} */
  public int size() {
    return fields.size();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    return fields.equals(((FieldRecord) o).fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{fields=" + fields.keySet() + "}";
  }

  /** Builder base shared by record builders. */
  @SuppressWarnings("unchecked")
  public abstract static class AbstractBuilder<B extends AbstractBuilder<B>> {
    final Map<String, JsonNode> fields = new LinkedHashMap<>();

    AbstractBuilder() {}

    /**
     * Sets a field to a JSON value ({@code null} or {@code NullNode} means "set to null").
     *
     * @param field the field's external id
     * @param value the value
     * @return the b
     */
    public B set(ExternalId field, JsonNode value) {
      Objects.requireNonNull(field, "field");
      fields.put(field.value(), value == null ? NullNode.getInstance() : value.deepCopy());
      return (B) this;
    }

    /**
     * Sets a field to a JSON value; the name is validated as an {@link ExternalId}.
     *
     * @param field the field's external id
     * @param value the value
     * @return the b
     */
    public B set(String field, JsonNode value) {
      return set(ExternalId.of(field), value);
    }

    /**
     * Sets a text field.
     *
     * @param field the field's external id
     * @param value the value
     * @return the b
     */
    public B set(String field, String value) {
      return set(field, value == null ? NullNode.getInstance() : JsonNodeFactory.instance.textNode(value));
    }

    /**
     * Sets a numeric field.
     *
     * @param field the field's external id
     * @param value the value
     * @return the b
     */
    public B set(String field, long value) {
      return set(field, JsonNodeFactory.instance.numberNode(value));
    }

    /**
     * Sets a boolean field.
     *
     * @param field the field's external id
     * @param value the value
     * @return the b
     */
    public B set(String field, boolean value) {
      return set(field, JsonNodeFactory.instance.booleanNode(value));
    }

    /**
     * Sets a text field.
     *
     * @param field the field's external id
     * @param value the value
     * @return the b
     */
    public B set(ExternalId field, String value) {
      return set(field, value == null ? NullNode.getInstance() : JsonNodeFactory.instance.textNode(value));
    }

    /**
     * Sets a field to an explicit JSON null: in a PATCH this clears it.
     *
     * @param field the field's external id
     * @return the b
     */
    public B setNull(String field) {
      return set(field, NullNode.getInstance());
    }

    /**
     * Removes a field: in a PATCH this leaves it unchanged.
     *
     * @param field the field's external id
     * @return the b
     */
    public B remove(String field) {
      fields.remove(field);
      return (B) this;
    }

    /**
     * Copies all fields of {@code record} (later sets win).
     *
     * @param record the record
     * @return the b
     */
    public B putAll(FieldRecord record) {
      fields.putAll(record.fields);
      return (B) this;
    }
  }

}
