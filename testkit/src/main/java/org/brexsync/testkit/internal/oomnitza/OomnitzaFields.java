package org.brexsync.testkit.internal.oomnitza;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Oomnitza users data model: every field has an External ID (REST v3, filters) and a Field ID
 * (connector/bulk API: upper-case system ids like {@code USER}, 32-hex custom ids), a type, and
 * whether it is unique or read-only. Values are stored compactly in one {@code Object[]} per
 * user, indexed by {@link Field#slot}.
 */
public final class OomnitzaFields {

  /** Value types. */
  public enum Type { STRING, INTEGER, BOOLEAN, DECIMAL }

  /** One field of the data model. */
  public static final class Field {
    public final String externalId;
    public final String fieldId;
    public final Type type;
    public final boolean unique;
    public final boolean readOnly;
    public final int slot;

    Field(String externalId, String fieldId, Type type, boolean unique, boolean readOnly, int slot) {
      this.externalId = externalId;
      this.fieldId = fieldId;
      this.type = type;
      this.unique = unique;
      this.readOnly = readOnly;
      this.slot = slot;
    }
  }

  private final Map<String, Field> byExternal = new ConcurrentHashMap<>();
  private final Map<String, Field> byFieldId = new ConcurrentHashMap<>();
  private final List<Field> all = new ArrayList<>();
  /** Immutable snapshot of {@link #all}, replaced on every add: read per request without locking. */
  private volatile List<Field> snapshot = List.of();

  public OomnitzaFields() {
    add("uid", "UID", Type.INTEGER, true, true);
    add("user_id", "USER_ID", Type.STRING, true, true);
    add("username", "USER", Type.STRING, true, false);
    add("email", "EMAIL", Type.STRING, true, false);
    add("first_name", "FIRST_NAME", Type.STRING, false, false);
    add("last_name", "LAST_NAME", Type.STRING, false, false);
    add("full_name", "FULL_NAME", Type.STRING, false, false);
    add("phone_number", "PHONE", Type.STRING, false, false);
    add("address", "ADDRESS", Type.STRING, false, false);
    add("position", "POSITION", Type.STRING, false, false);
    add("role", "PERMISSIONS_ID", Type.INTEGER, false, false);
    add("suspended", "SUSPENDED", Type.BOOLEAN, false, false);
    add("external_id", "EXTERNAL_ID", Type.STRING, false, false);
    add("email_subscription", "EMAIL_SUBSCRIPTION", Type.BOOLEAN, false, false);
    add("creation_date", "CREATION_DATE", Type.INTEGER, false, true);
    add("change_date", "CHANGE_DATE", Type.INTEGER, false, true);
    add("created_by", "CREATED_BY", Type.STRING, false, true);
    add("changed_by", "CHANGED_BY", Type.STRING, false, true);
    add("last_login_date", "LAST_LOGIN_DATE", Type.INTEGER, false, true);
  }

  /** Adds a field (a custom field when called by users of the simulator). */
  public synchronized Field add(String externalId, String fieldId, Type type, boolean unique, boolean readOnly) {
    Field existing = byExternal.get(externalId);
    if (existing != null) {
      return existing;
    }
    Field f = new Field(externalId, fieldId, type, unique, readOnly, all.size());
    all.add(f);
    snapshot = List.copyOf(all);
    byExternal.put(externalId, f);
    byFieldId.put(fieldId, f);
    return f;
  }

  /** A field by External ID. */
  public Field external(String externalId) {
    return byExternal.get(externalId);
  }

  /** A field by Field ID, falling back to External ID (the bulk API accepts both here). */
  public Field bulkKey(String key) {
    Field f = byFieldId.get(key);
    return f != null ? f : byExternal.get(key);
  }

  public List<Field> all() {
    return snapshot;
  }

  public int size() {
    return snapshot.size();
  }

  /** Converts a JSON value to the stored representation, or throws with a message for a 400. */
  public static Object convert(Field f, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    switch (f.type) {
      case STRING:
        if (v.isValueNode()) {
          String s = v.asText();
          return s;
        }
        break;
      case INTEGER:
        if (v.isIntegralNumber()) {
          return v.asLong();
        }
        if (v.isTextual() && v.asText().trim().matches("-?\\d{1,18}")) {
          return Long.valueOf(v.asText().trim());
        }
        break;
      case DECIMAL:
        if (v.isNumber()) {
          return v.asDouble();
        }
        if (v.isTextual() && v.asText().trim().matches("-?\\d+(\\.\\d+)?")) {
          return Double.valueOf(v.asText().trim());
        }
        break;
      case BOOLEAN:
        if (v.isBoolean()) {
          return v.asBoolean();
        }
        if (v.isTextual() || v.isIntegralNumber()) {
          String s = v.asText().trim().toLowerCase(Locale.ROOT);
          if (s.equals("true") || s.equals("1")) {
            return Boolean.TRUE;
          }
          if (s.equals("false") || s.equals("0")) {
            return Boolean.FALSE;
          }
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException("Field '" + f.externalId + "' expects " + f.type.name().toLowerCase(Locale.ROOT)
        + " but got " + v);
  }
}
