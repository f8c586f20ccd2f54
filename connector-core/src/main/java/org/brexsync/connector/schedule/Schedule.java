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
import org.brexsync.connector.schedule.internal.Cron;
import org.immutables.value.Value;

/**
 * When an integration runs: daily at a time of day in a zone (the default: once a day at 02:00 UTC),
 * every fixed interval, or on a cron expression in a zone. JSON form:
 * {@code {"dailyAt":"02:00","zone":"Europe/Berlin"}}, {@code {"every":"PT6H"}} or
 * {@code {"cron":"0 6-18/3 * * MON-FRI","zone":"America/New_York"}} (five fields as crontab has them, or six
 * with seconds first; see {@link #cron(String, ZoneId)}).
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

  /**
   * A cron expression (exclusive with {@link #dailyAt()} and {@link #every()}): {@code minute hour
   * day-of-month month day-of-week}, or six fields with seconds first. Fields take {@code *}, values,
   * ranges {@code a-b}, steps {@code *}{@code /n} and {@code a-b/n}, comma lists, month and day names
   * ({@code JAN}, {@code MON}); when both day fields are restricted, a day matching either runs.
   *
   * @return the cron expression, when the schedule is one
   */
  @JsonProperty("cron")
  public abstract Optional<String> cron();

  /** {@return the zone of {@link #dailyAt()} and {@link #cron()} (default UTC)} */
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
   * On a cron expression in a zone.
   *
   * @param expression five fields ({@code minute hour day-of-month month day-of-week}), or six with
   *     seconds first; see {@link #cron()}
   * @param zone the time zone the expression is read in
   * @return the schedule
   * @throws IllegalStateException when the expression cannot be read or never fires
   */
  public static Schedule cron(String expression, ZoneId zone) {
    return ImmutableSchedule.builder().cron(expression).zone(zone).build();
  }

  /**
   * {@return how the schedule reads, e.g. {@code daily at 02:00 UTC}, {@code every PT6H},
   * {@code cron '0 * * * *' UTC}}
   */
  public String describe() {
    if (every().isPresent()) {
      return "every " + every().get();
    }
    if (cron().isPresent()) {
      return "cron '" + cron().get() + "' " + zone();
    }
    return "daily at " + dailyAt().orElse(DEFAULT_TIME) + " " + zone();
  }

  /**
   * {@return the first run start strictly after {@code now}; {@link Instant#MAX} when a cron
   * expression fires no more}
   *
   * @param now the instant to look after
   */
  public Instant nextAfter(Instant now) {
    if (cron().isPresent()) {
      Instant next = compiledCron().nextAfter(now, zone());
      // check() made sure it fires; past five years from now it may not (a one-off day): never.
      return next != null ? next : Instant.MAX;
    }
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

  /** The parsed expression (computed once). */
  @Value.Lazy
  Cron compiledCron() {
    return Cron.parse(cron().orElseThrow());
  }

  @Value.Check
  void check() {
    int kinds = (dailyAt().isPresent() ? 1 : 0) + (every().isPresent() ? 1 : 0) + (cron().isPresent() ? 1 : 0);
    if (kinds > 1) {
      throw new IllegalStateException("schedule: use one of dailyAt, every or cron, not several");
    }
    if (cron().isPresent()) {
      try {
        Cron.parse(cron().get());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("schedule: " + e.getMessage(), e);
      }
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
