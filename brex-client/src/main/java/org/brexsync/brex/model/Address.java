package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** A postal address. For physical card shipping: US only, no PO box, lines under 60 characters. */
@Value.Immutable
@JsonSerialize(as = ImmutableAddress.class)
@JsonDeserialize(as = ImmutableAddress.class)
public abstract class Address implements WithAddress {
  Address() {}

  /** {@return JSON {@code line1}} */
  @JsonProperty("line1")
  public abstract Optional<String> line1();

  /** {@return JSON {@code line2}} */
  @JsonProperty("line2")
  public abstract Optional<String> line2();

  /** {@return JSON {@code city}} */
  @JsonProperty("city")
  public abstract Optional<String> city();

  /** {@return JSON {@code state}} */
  @JsonProperty("state")
  public abstract Optional<String> state();

  /** {@return JSON {@code country}} */
  @JsonProperty("country")
  public abstract Optional<String> country();

  /** {@return JSON {@code postal_code}} */
  @JsonProperty("postal_code")
  public abstract Optional<String> postalCode();

  /** {@return JSON {@code phone_number}} */
  @JsonProperty("phone_number")
  public abstract Optional<String> phoneNumber();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link Address}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableAddress.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public Address build() {
      return RequiredAttributes.build(Address.class, super::build);
    }
  }
}
