package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A legal entity of the company ({@code LegalEntity}, 2025 spec). Brex names these fields in
 * camelCase ({@code displayName}, {@code billingAddress}, {@code createdAt}, {@code isDefault}).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLegalEntity.class)
@JsonDeserialize(as = ImmutableLegalEntity.class)
public abstract class LegalEntity {
  LegalEntity() {}

  /** JSON {@code id}. */
  @JsonProperty("id")
  public abstract String id();

  /** JSON {@code displayName}. */
  @JsonProperty("displayName")
  public abstract String displayName();

  /** JSON {@code billingAddress}: also the billing address of cards of users in this entity. */
  @JsonProperty("billingAddress")
  public abstract Address billingAddress();

  /** JSON {@code createdAt} (UTC). */
  @JsonProperty("createdAt")
  public abstract Instant createdAt();

  /** JSON {@code status}. */
  @JsonProperty("status")
  public abstract LegalEntityStatus status();

  /** JSON {@code isDefault}. */
  @JsonProperty("isDefault")
  @Value.Default
  public boolean isDefault() {
    return false;
  }

  /** A new builder. */
  public static ImmutableLegalEntity.Builder builder() {
    return ImmutableLegalEntity.builder();
  }
}
