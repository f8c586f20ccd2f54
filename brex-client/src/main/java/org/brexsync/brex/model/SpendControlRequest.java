package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Spend controls for a new vendor card ({@code SpendControlRequest}). */
@Value.Immutable
@JsonSerialize(as = ImmutableSpendControlRequest.class)
@JsonDeserialize(as = ImmutableSpendControlRequest.class)
public abstract class SpendControlRequest implements WithSpendControlRequest {
  SpendControlRequest() {}

  /** {@return JSON {@code spend_limit}} */
  @JsonProperty("spend_limit")
  public abstract Money spendLimit();

  /** {@return JSON {@code spend_duration}} */
  @JsonProperty("spend_duration")
  public abstract SpendDuration spendDuration();

  /** {@return JSON {@code reason}} */
  @JsonProperty("reason")
  public abstract Optional<String> reason();

  /** {@return JSON {@code lock_after_date}} */
  @JsonProperty("lock_after_date")
  public abstract Optional<LocalDate> lockAfterDate();

  /** {@return JSON {@code parent_budget_id}} */
  @JsonProperty("parent_budget_id")
  public abstract Optional<String> parentBudgetId();

  /** {@return JSON {@code policy_id}} */
  @JsonProperty("policy_id")
  public abstract Optional<String> policyId();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link SpendControlRequest} (returned by {@link #builder()}). {@link #build()}
   * throws one {@link org.brexsync.brex.BrexValidationException} with a violation per missing
   * required attribute ({@code spend_limit}, {@code spend_duration}), named by its JSON name,
   * instead of Immutables' {@code IllegalStateException}; the other rules are checked by {@link
   * org.brexsync.brex.BrexValidation}.
   */
  public static final class Builder extends ImmutableSpendControlRequest.Builder {
    Builder() {}

    /**
     * Builds the request.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every missing required attribute
     */
    @Override
    public SpendControlRequest build() {
      return RequiredAttributes.build(SpendControlRequest.class, super::build);
    }
  }
}
