package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** Card attribute preferences for a new card. */
@Value.Immutable
@JsonSerialize(as = ImmutableCardAttributePreferences.class)
@JsonDeserialize(as = ImmutableCardAttributePreferences.class)
public abstract class CardAttributePreferences {
  CardAttributePreferences() {}

  /** JSON {@code three_domain_secure_enabled_preference}. */
  @JsonProperty("three_domain_secure_enabled_preference")
  public abstract Optional<ThreeDomainSecureEnabledPreference> threeDomainSecureEnabledPreference();

  /** A new builder. */
  public static ImmutableCardAttributePreferences.Builder builder() {
    return ImmutableCardAttributePreferences.builder();
  }
}
