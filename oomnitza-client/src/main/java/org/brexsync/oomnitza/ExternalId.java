package org.brexsync.oomnitza;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A field's <b>External ID</b>: the name REST v3 uses in JSON bodies, {@code filter}, {@code fields},
 * {@code sortby} and workflow templates ({@code email}, {@code first_name}, {@code brex_user_id}).
 * Distinct from a {@link FieldId}, which the connector/bulk API uses. Only letters, digits and
 * {@code _} are accepted, so an external id can never change the meaning of a filter expression.
 */
public final class ExternalId implements Comparable<ExternalId> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_]+");

  private final String value;

  private ExternalId(String value) {
    this.value = value;
  }

  /**
   * {@return the external id {@code value}}
   *
   * @param value the value
   * @throws IllegalArgumentException if blank or not made of letters, digits and underscores
   */
  public static ExternalId of(String value) {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "An Oomnitza external id contains only letters, digits and '_' (no {{ }}): '" + value + "'");
    }
    return new ExternalId(value);
  }

  /** {@return the id text} */
  public String value() {
    return value;
  }

  @Override
  public int compareTo(ExternalId o) {
    return value.compareTo(o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExternalId && ((ExternalId) o).value.equals(value);
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
