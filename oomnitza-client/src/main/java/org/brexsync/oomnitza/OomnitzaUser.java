package org.brexsync.oomnitza;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An Oomnitza person (REST v3 {@code /api/v3/users}): a {@link FieldRecord} with typed
 * accessors for the standard fields named in the REST v3 description. Custom fields (for example
 * {@code brex_user_id}) are read with {@link #text(String)} / {@link #get(String)} and written with
 * {@link Builder#set(String, String)}.
 *
 * <pre>{@code
 * OomnitzaUser u = OomnitzaUser.builder()
 *     .username("jdoe").email("jdoe@example.com").firstName("Jane").lastName("Doe")
 *     .role(25).set("brex_user_id", "cuuser_123")
 *     .build();
 * }</pre>
 */
public final class OomnitzaUser extends FieldRecord {
  /** External id {@code username}. */
  public static final ExternalId USERNAME = ExternalId.of("username");
  /** External id {@code email}. */
  public static final ExternalId EMAIL = ExternalId.of("email");
  /** External id {@code first_name}. */
  public static final ExternalId FIRST_NAME = ExternalId.of("first_name");
  /** External id {@code last_name}. */
  public static final ExternalId LAST_NAME = ExternalId.of("last_name");
  /** External id {@code full_name}. */
  public static final ExternalId FULL_NAME = ExternalId.of("full_name");
  /** External id {@code position}. */
  public static final ExternalId POSITION = ExternalId.of("position");
  /** External id {@code phone_number}. */
  public static final ExternalId PHONE_NUMBER = ExternalId.of("phone_number");
  /** External id {@code address}. */
  public static final ExternalId ADDRESS = ExternalId.of("address");
  /** External id {@code role} (an integer role id). */
  public static final ExternalId ROLE = ExternalId.of("role");
  /** External id {@code suspended}. */
  public static final ExternalId SUSPENDED = ExternalId.of("suspended");
  /** External id {@code uid}. */
  public static final ExternalId UID = ExternalId.of("uid");
  /** External id {@code user_id}. */
  public static final ExternalId USER_ID = ExternalId.of("user_id");
  /** External id {@code external_id} (a standard field, not to be confused with {@link ExternalId}). */
  public static final ExternalId EXTERNAL_ID = ExternalId.of("external_id");

  OomnitzaUser(Map<String, JsonNode> fields) {
    super(fields);
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a user holding a copy of {@code fields} as read from Oomnitza}
   *
   * @param fields the fields
   */
  public static OomnitzaUser of(Map<String, ? extends JsonNode> fields) {
    return new OomnitzaUser(new LinkedHashMap<>(fields));
  }

  /**
   * {@return a user holding the fields of {@code record}}
   *
   * @param record the record
   */
  public static OomnitzaUser of(FieldRecord record) {
    return record instanceof OomnitzaUser ? (OomnitzaUser) record : new OomnitzaUser(record.fields());
  }

  /** {@return a builder holding this user's fields} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.putAll(this);
    return b;
  }

  /** {@return {@code username}} */
  public Optional<String> username() {
    return text(USERNAME);
  }

  /** {@return {@code email}} */
  public Optional<String> email() {
    return text(EMAIL);
  }

  /** {@return {@code first_name}} */
  public Optional<String> firstName() {
    return text(FIRST_NAME);
  }

  /** {@return {@code last_name}} */
  public Optional<String> lastName() {
    return text(LAST_NAME);
  }

  /** {@return {@code full_name}} */
  public Optional<String> fullName() {
    return text(FULL_NAME);
  }

  /** {@return {@code position}} */
  public Optional<String> position() {
    return text(POSITION);
  }

  /** {@return {@code phone_number}} */
  public Optional<String> phoneNumber() {
    return text(PHONE_NUMBER);
  }

  /** {@return {@code address}} */
  public Optional<String> address() {
    return text(ADDRESS);
  }

  /** {@return {@code role}: the integer role id (bulk field {@code PERMISSIONS_ID})} */
  public Optional<Integer> role() {
    return longValue(ROLE.value()).filter(l -> l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE).map(Long::intValue);
  }

  /** {@return {@code suspended}} */
  public Optional<Boolean> suspended() {
    return booleanValue(SUSPENDED.value());
  }

  /** {@return {@code uid}: Oomnitza's numeric id} */
  public Optional<Long> uid() {
    return longValue(UID.value());
  }

  /** {@return {@code user_id}} */
  public Optional<String> userId() {
    return text(USER_ID);
  }

  /** {@return the standard {@code external_id} field (an id of the person in another system)} */
  public Optional<String> externalIdField() {
    return text(EXTERNAL_ID);
  }

  /** {@return {@code creation_date}} */
  public Optional<Instant> creationDate() {
    return instant("creation_date");
  }

  /** {@return {@code change_date}} */
  public Optional<Instant> changeDate() {
    return instant("change_date");
  }

  /** {@return {@code last_login_date}} */
  public Optional<Instant> lastLoginDate() {
    return instant("last_login_date");
  }

  /** Builds an {@link OomnitzaUser}. */
  public static final class Builder extends FieldRecord.AbstractBuilder<Builder> {
    Builder() {}

    /**
     * Sets {@code username}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder username(String v) {
      return set(USERNAME, v);
    }

    /**
     * Sets {@code email}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder email(String v) {
      return set(EMAIL, v);
    }

    /**
     * Sets {@code first_name}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder firstName(String v) {
      return set(FIRST_NAME, v);
    }

    /**
     * Sets {@code last_name}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder lastName(String v) {
      return set(LAST_NAME, v);
    }

    /**
     * Sets {@code full_name}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder fullName(String v) {
      return set(FULL_NAME, v);
    }

    /**
     * Sets {@code position}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder position(String v) {
      return set(POSITION, v);
    }

    /**
     * Sets {@code phone_number}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder phoneNumber(String v) {
      return set(PHONE_NUMBER, v);
    }

    /**
     * Sets {@code address}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder address(String v) {
      return set(ADDRESS, v);
    }

    /**
     * Sets {@code role} (an integer role id).
     *
     * @param roleId the role id
     * @return this builder
     */
    public Builder role(int roleId) {
      return set(ROLE.value(), roleId);
    }

    /**
     * Sets {@code suspended}.
     *
     * @param v the value
     * @return this builder
     */
    public Builder suspended(boolean v) {
      return set(SUSPENDED.value(), v);
    }

    /**
     * Builds the user.
     *
     * @return the new Oomnitza user
     */
    public OomnitzaUser build() {
      return new OomnitzaUser(fields);
    }
  }
}
