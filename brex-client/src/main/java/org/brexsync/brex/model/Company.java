package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** The company of the token ({@code CompanyResponse}); note Brex's camelCase {@code accountType}. */
@Value.Immutable
@JsonSerialize(as = ImmutableCompany.class)
@JsonDeserialize(as = ImmutableCompany.class)
public abstract class Company implements WithCompany {
  Company() {}

  /** {@return JSON {@code id}} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return JSON {@code legal_name}} */
  @JsonProperty("legal_name")
  public abstract String legalName();

  /** {@return JSON {@code mailing_address}} */
  @JsonProperty("mailing_address")
  public abstract Address mailingAddress();

  /** {@return JSON {@code accountType}} */
  @JsonProperty("accountType")
  public abstract AccountType accountType();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link Company}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableCompany.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public Company build() {
      return RequiredAttributes.build(Company.class, super::build);
    }
  }
}
