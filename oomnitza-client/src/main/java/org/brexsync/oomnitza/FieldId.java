package org.brexsync.oomnitza;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A field's <b>Field ID</b>, the key the connector/bulk API ({@code POST /api/v3/bulk}) uses:
 * upper-case system ids such as {@code USER}, {@code EMAIL}, {@code PERMISSIONS_ID}, or 32-hex
 * custom ids such as {@code E622E72FC31F4946A77C95828FD1DBC3}. Normalised to upper case, as the
 * official connector does. Distinct from an {@link ExternalId}; map between them with a
 * {@link FieldCatalog}.
 */
public final class FieldId implements Comparable<FieldId> {
  private static final Pattern VALID = Pattern.compile("[A-Z0-9_]+");
  private static final Pattern CUSTOM = Pattern.compile("[0-9A-F]{32}");

  /** {@code USER}: the username. */
  public static final FieldId USER = new FieldId("USER");
  /** {@code EMAIL}. */
  public static final FieldId EMAIL = new FieldId("EMAIL");
  /** {@code FIRST_NAME}. */
  public static final FieldId FIRST_NAME = new FieldId("FIRST_NAME");
  /** {@code LAST_NAME}. */
  public static final FieldId LAST_NAME = new FieldId("LAST_NAME");
  /** {@code PHONE}. */
  public static final FieldId PHONE = new FieldId("PHONE");
  /** {@code PERMISSIONS_ID}: the role id. */
  public static final FieldId PERMISSIONS_ID = new FieldId("PERMISSIONS_ID");
  /** {@code POSITION}. */
  public static final FieldId POSITION = new FieldId("POSITION");
  /** {@code ADDRESS}. */
  public static final FieldId ADDRESS = new FieldId("ADDRESS");

  private final String value;

  private FieldId(String value) {
    this.value = value;
  }

  /**
   * {@return the field id {@code value}, upper-cased}
   *
   * @param value the value
   * @throws IllegalArgumentException if blank or not made of letters, digits and underscores
   */
  public static FieldId of(String value) {
    Objects.requireNonNull(value, "value");
    String upper = value.toUpperCase(Locale.ROOT);
    if (!VALID.matcher(upper).matches()) {
      throw new IllegalArgumentException(
          "An Oomnitza field id contains only letters, digits and '_': '" + value + "'");
    }
    return new FieldId(upper);
  }

  /** {@return the id text, upper case} */
  public String value() {
    return value;
  }

  /** {@return true for a custom field's 32-hex id} */
  public boolean isCustom() {
    return CUSTOM.matcher(value).matches();
  }

  @Override
  public int compareTo(FieldId o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FieldId && ((FieldId) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
