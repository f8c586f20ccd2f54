package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/**
 * A legal entity of the company ({@code LegalEntity}, 2025 spec). Brex names these fields in
 * camelCase ({@code displayName}, {@code billingAddress}, {@code createdAt}, {@code isDefault}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLegalEntity.class)
@JsonDeserialize(as = ImmutableLegalEntity.class)
public abstract class LegalEntity implements WithLegalEntity {
  LegalEntity() {}

  /** {@return JSON {@code id}} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return JSON {@code displayName}} */
  @JsonProperty("displayName")
  public abstract String displayName();

  /** {@return JSON {@code billingAddress}: also the billing address of cards of users in this entity} */
  @JsonProperty("billingAddress")
  public abstract Address billingAddress();

  /** {@return JSON {@code createdAt} (UTC)} */
  @JsonProperty("createdAt")
  public abstract Instant createdAt();

  /** {@return JSON {@code status}} */
  @JsonProperty("status")
  public abstract LegalEntityStatus status();

  /** {@return JSON {@code isDefault}} */
  @JsonProperty("isDefault")
  @Value.Default
  public boolean isDefault() {
    return false;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link LegalEntity}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableLegalEntity.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public LegalEntity build() {
      return RequiredAttributes.build(LegalEntity.class, super::build);
    }
  }
}
