package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Card attribute preferences for a new card. */
@Value.Immutable
@JsonSerialize(as = ImmutableCardAttributePreferences.class)
@JsonDeserialize(as = ImmutableCardAttributePreferences.class)
public abstract class CardAttributePreferences implements WithCardAttributePreferences {
  CardAttributePreferences() {}

  /** {@return JSON {@code three_domain_secure_enabled_preference}} */
  @JsonProperty("three_domain_secure_enabled_preference")
  public abstract Optional<ThreeDomainSecureEnabledPreference> threeDomainSecureEnabledPreference();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link CardAttributePreferences}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableCardAttributePreferences.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public CardAttributePreferences build() {
      return RequiredAttributes.build(CardAttributePreferences.class, super::build);
    }
  }
}
