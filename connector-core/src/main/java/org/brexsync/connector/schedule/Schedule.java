package org.brexsync.connector.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.brexsync.connector.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * When an integration runs: daily at a time of day in a zone (the default: once a day at 02:00 UTC),
 * or every fixed interval. JSON form: {@code {"dailyAt":"02:00","zone":"Europe/Berlin"}} or
 * {@code {"every":"PT6H"}}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableSchedule.class)
@JsonDeserialize(as = ImmutableSchedule.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public abstract class Schedule implements WithSchedule {
  /** The default time of the daily run. */
  public static final LocalTime DEFAULT_TIME = LocalTime.of(2, 0);

  /**
   * Daily run time (exclusive with {@link #every()}).
   *
   * @return the local time, or empty
   */
  @JsonProperty("dailyAt")
  public abstract Optional<LocalTime> dailyAt();

  /** {@return fixed interval between run starts (exclusive with {@link #dailyAt()})} */
  @JsonProperty("every")
  public abstract Optional<Duration> every();

  /** {@return the zone of {@link #dailyAt()}} */
  @JsonProperty("zone")
  @Value.Default
  public ZoneId zone() {
    return ZoneId.of("UTC");
  }

  /** {@return once a day at 02:00 UTC} */
  public static Schedule defaults() {
    return daily(DEFAULT_TIME, ZoneId.of("UTC"));
  }

  /**
   * Daily at a time.
   *
   * @param at the time of day
   * @param zone the time zone
   * @return the schedule
   */
  public static Schedule daily(LocalTime at, ZoneId zone) {
    return builder().dailyAt(at).zone(zone).build();
  }

  /**
   * {@return every interval}
   *
   * @param interval the interval between runs
   */
  public static Schedule every(Duration interval) {
    return builder().every(interval).build();
  }

  /**
   * {@return the first run start strictly after {@code now}}
   *
   * @param now the now
   */
  public Instant nextAfter(Instant now) {
    if (every().isPresent()) {
      return now.plus(every().get());
    }
    LocalTime at = dailyAt().orElse(DEFAULT_TIME);
    ZonedDateTime z = now.atZone(zone());
    ZonedDateTime candidate = z.with(at);
    if (!candidate.isAfter(z)) {
      candidate = candidate.plusDays(1).with(at);
    }
    return candidate.toInstant();
  }

  @Value.Check
  void check() {
    if (dailyAt().isPresent() && every().isPresent()) {
      throw new IllegalStateException("schedule: use either dailyAt or every, not both");
    }
    if (every().isPresent() && (every().get().isNegative() || every().get().isZero())) {
      throw new IllegalStateException("schedule: every must be positive");
    }
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link Schedule}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableSchedule.Builder {
    Builder() {}
  }
}
