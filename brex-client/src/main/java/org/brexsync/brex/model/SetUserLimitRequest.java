package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Sets a user's monthly limit; an empty limit is sent as JSON null and clears the limit. */
@Value.Immutable
@JsonSerialize(as = ImmutableSetUserLimitRequest.class)
@JsonDeserialize(as = ImmutableSetUserLimitRequest.class)
public abstract class SetUserLimitRequest implements WithSetUserLimitRequest {
  SetUserLimitRequest() {}

  /** {@return JSON {@code monthly_limit}} Empty is sent as JSON null. */
  @JsonProperty("monthly_limit")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public abstract Optional<Money> monthlyLimit();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Set the monthly limit to {@code limit}.
   *
   * @param limit the limit
   * @return the set user limit request
   */
  public static SetUserLimitRequest of(Money limit) {
    return builder().monthlyLimit(limit).build();
  }

  /**
   * Remove the user's monthly limit ({@code "monthly_limit": null}).
   *
   * @return the set user limit request
   */
  public static SetUserLimitRequest clear() {
    return builder().build();
  }

  /**
   * Builder of {@link SetUserLimitRequest}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableSetUserLimitRequest.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public SetUserLimitRequest build() {
      return RequiredAttributes.build(SetUserLimitRequest.class, super::build);
    }
  }
}
