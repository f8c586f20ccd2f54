package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** The company of the token ({@code CompanyResponse}); note Brex's camelCase {@code accountType}. */
@Value.Immutable
@JsonSerialize(as = ImmutableCompany.class)
@JsonDeserialize(as = ImmutableCompany.class)
public abstract class Company {
  Company() {}

  /** JSON {@code id}. */
  @JsonProperty("id")
  public abstract String id();

  /** JSON {@code legal_name}. */
  @JsonProperty("legal_name")
  public abstract String legalName();

  /** JSON {@code mailing_address}. */
  @JsonProperty("mailing_address")
  public abstract Address mailingAddress();

  /** JSON {@code accountType}. */
  @JsonProperty("accountType")
  public abstract AccountType accountType();

  /** A new builder. */
  public static ImmutableCompany.Builder builder() {
    return ImmutableCompany.builder();
  }
}
