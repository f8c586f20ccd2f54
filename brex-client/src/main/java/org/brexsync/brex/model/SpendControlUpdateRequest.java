package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Changes to a vendor card's spend controls ({@code SpendControlUpdateRequest}); absent fields are not sent. */
@Value.Immutable
@JsonSerialize(as = ImmutableSpendControlUpdateRequest.class)
@JsonDeserialize(as = ImmutableSpendControlUpdateRequest.class)
public abstract class SpendControlUpdateRequest implements WithSpendControlUpdateRequest {
  SpendControlUpdateRequest() {}

  /** {@return JSON {@code spend_limit}} */
  @JsonProperty("spend_limit")
  public abstract Optional<Money> spendLimit();

  /** {@return JSON {@code spend_duration}} */
  @JsonProperty("spend_duration")
  public abstract Optional<SpendDuration> spendDuration();

  /** {@return JSON {@code reason}} */
  @JsonProperty("reason")
  public abstract Optional<String> reason();

  /** {@return JSON {@code lock_after_date}} */
  @JsonProperty("lock_after_date")
  public abstract Optional<LocalDate> lockAfterDate();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link SpendControlUpdateRequest}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableSpendControlUpdateRequest.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public SpendControlUpdateRequest build() {
      return RequiredAttributes.build(SpendControlUpdateRequest.class, super::build);
    }
  }
}
