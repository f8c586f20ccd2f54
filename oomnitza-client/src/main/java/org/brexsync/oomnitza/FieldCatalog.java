package org.brexsync.oomnitza;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-to-one mapping between {@link ExternalId}s (REST v3) and {@link FieldId}s (bulk API) of one
 * Oomnitza module. Both ids are shown per field in Oomnitza's Customization / Data model; custom
 * fields (e.g. a {@code brex_user_id} with a 32-hex field id) differ per tenant, so callers supply
 * them. Immutable.
 *
 * <pre>{@code
 * FieldCatalog catalog = FieldCatalog.standardUsers().toBuilder()
 *     .put(ExternalId.of("brex_user_id"), FieldId.of("E622E72FC31F4946A77C95828FD1DBC3"))
 *     .build();
 * }</pre>
 */
public final class FieldCatalog {
  private static final FieldCatalog STANDARD_USERS =
      builder()
          .put(ExternalId.of("username"), FieldId.USER)
          .put(ExternalId.of("email"), FieldId.EMAIL)
          .put(ExternalId.of("first_name"), FieldId.FIRST_NAME)
          .put(ExternalId.of("last_name"), FieldId.LAST_NAME)
          .put(ExternalId.of("phone_number"), FieldId.PHONE)
          .put(ExternalId.of("role"), FieldId.PERMISSIONS_ID)
          .put(ExternalId.of("position"), FieldId.POSITION)
          .put(ExternalId.of("address"), FieldId.ADDRESS)
          .build();

  private final Map<ExternalId, FieldId> byExternal;
  private final Map<FieldId, ExternalId> byField;

  private FieldCatalog(Map<ExternalId, FieldId> byExternal) {
    this.byExternal = Collections.unmodifiableMap(new LinkedHashMap<>(byExternal));
    Map<FieldId, ExternalId> reverse = new LinkedHashMap<>();
    byExternal.forEach((e, f) -> reverse.put(f, e));
    this.byField = Collections.unmodifiableMap(reverse);
  }

  /**
   * {@return the standard user fields as the official connector names them: {@code username↔USER},
   * {@code email↔EMAIL}, {@code first_name↔FIRST_NAME}, {@code last_name↔LAST_NAME},
   * {@code phone_number↔PHONE}, {@code role↔PERMISSIONS_ID}, {@code position↔POSITION},
   * {@code address↔ADDRESS}} Not confirmed by Oomnitza for every tenant: override as needed.
   */
  public static FieldCatalog standardUsers() {
    return STANDARD_USERS;
  }

  /** {@return a catalog without entries} */
  public static FieldCatalog empty() {
    return builder().build();
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this catalog's entries} */
  public Builder toBuilder() {
    Builder b = new Builder();
    byExternal.forEach(b::put);
    return b;
  }

  /**
   * {@return the field id of an external id}
   *
   * @param externalId the field's external id
   */
  public Optional<FieldId> fieldId(ExternalId externalId) {
    return Optional.ofNullable(byExternal.get(externalId));
  }

  /**
   * {@return the external id of a field id}
   *
   * @param fieldId the field's id
   */
  public Optional<ExternalId> externalId(FieldId fieldId) {
    return Optional.ofNullable(byField.get(fieldId));
  }

  /** {@return all entries, external id → field id, in insertion order} */
  public Map<ExternalId, FieldId> entries() {
    return byExternal;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldCatalog && ((FieldCatalog) o).byExternal.equals(byExternal);
  }

  @Override
  public int hashCode() {
    return byExternal.hashCode();
  }

  @Override
  public String toString() {
    return "FieldCatalog" + byExternal;
  }

  /** Builds a {@link FieldCatalog}; a later {@code put} for the same id replaces the earlier one. */
  public static final class Builder {
    private final Map<ExternalId, FieldId> entries = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Maps {@code externalId} to {@code fieldId}, replacing any earlier mapping of either.
     *
     * @param externalId the field's external id
     * @param fieldId the field's id
     * @return this builder
     */
    public Builder put(ExternalId externalId, FieldId fieldId) {
      Objects.requireNonNull(externalId, "externalId");
      Objects.requireNonNull(fieldId, "fieldId");
      entries.values().removeIf(fieldId::equals);
      entries.put(externalId, fieldId);
      return this;
    }

    /**
     * Shorthand for {@code put(ExternalId.of(externalId), FieldId.of(fieldId))}.
     *
     * @param externalId the field's external id
     * @param fieldId the field's id
     * @return this builder
     */
    public Builder put(String externalId, String fieldId) {
      return put(ExternalId.of(externalId), FieldId.of(fieldId));
    }

    /**
     * Builds the catalog.
     *
     * @return the new field catalog
     */
    public FieldCatalog build() {
      return new FieldCatalog(entries);
    }
  }
}
