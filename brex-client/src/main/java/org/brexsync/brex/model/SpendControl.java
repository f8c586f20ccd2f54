package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** Spend controls of a vendor card as Brex returns them ({@code SpendControl}). */
@Value.Immutable
@JsonSerialize(as = ImmutableSpendControl.class)
@JsonDeserialize(as = ImmutableSpendControl.class)
public abstract class SpendControl {
  SpendControl() {}

  /** JSON {@code spend_limit}. */
  @JsonProperty("spend_limit")
  public abstract Money spendLimit();

  /** JSON {@code spend_available}. */
  @JsonProperty("spend_available")
  public abstract Money spendAvailable();

  /** JSON {@code spend_duration}. */
  @JsonProperty("spend_duration")
  public abstract Optional<SpendDuration> spendDuration();

  /** JSON {@code reason}. */
  @JsonProperty("reason")
  public abstract Optional<String> reason();

  /** JSON {@code lock_after_date}. */
  @JsonProperty("lock_after_date")
  public abstract Optional<LocalDate> lockAfterDate();

  /** A new builder. */
  public static ImmutableSpendControl.Builder builder() {
    return ImmutableSpendControl.builder();
  }
}
