package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** A user's monthly limit and what is left of it this month ({@code UserLimitResponse}). */
@Value.Immutable
@JsonSerialize(as = ImmutableUserLimit.class)
@JsonDeserialize(as = ImmutableUserLimit.class)
public abstract class UserLimit implements WithUserLimit {
  UserLimit() {}

  /** {@return JSON {@code monthly_limit}} */
  @JsonProperty("monthly_limit")
  public abstract Optional<Money> monthlyLimit();

  /** {@return JSON {@code monthly_available}} */
  @JsonProperty("monthly_available")
  public abstract Optional<Money> monthlyAvailable();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link UserLimit}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableUserLimit.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public UserLimit build() {
      return RequiredAttributes.build(UserLimit.class, super::build);
    }
  }
}
