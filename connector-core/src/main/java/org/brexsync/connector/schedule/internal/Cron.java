package org.brexsync.connector.schedule.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.Locale;

/**
 * A cron expression: five fields as crontab has them ({@code minute hour day-of-month month
 * day-of-week}) or six with seconds first (as Spring and db-scheduler write them). Each field takes
 * {@code *}, a value, a range {@code a-b}, a step {@code *}{@code /n}, {@code a-b/n} or {@code a/n}, and
 * comma lists of those; months {@code JAN}-{@code DEC} and days {@code SUN}-{@code SAT} by name, Sunday
 * as 0 or 7, {@code ?} as {@code *}. When both day fields are restricted a day matching either runs
 * (crontab's rule). Immutable and thread-safe.
 */
public final class Cron {
  private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
  /** How far ahead a next time is searched: an expression like "30 Feb" never fires. */
  private static final int MAX_DAYS = 366 * 5;

  private final String expression;
  private final BitSet seconds;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean domRestricted;
  private final boolean dowRestricted;

  private Cron(String expression) {
    this.expression = expression;
    String[] f = expression.trim().split("\\s+");
    if (f.length != 5 && f.length != 6) {
      throw new IllegalArgumentException("cron expression '" + expression
          + "' must have 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first)");
    }
    int o = f.length - 5;
    this.seconds = o == 1 ? field(f[0], "seconds", 0, 59, null) : single(0);
    this.minutes = field(f[o], "minutes", 0, 59, null);
    this.hours = field(f[o + 1], "hours", 0, 23, null);
    this.daysOfMonth = field(f[o + 2], "day-of-month", 1, 31, null);
    this.months = field(f[o + 3], "month", 1, 12, MONTHS);
    BitSet dow = field(f[o + 4], "day-of-week", 0, 7, DAYS);
    if (dow.get(7)) {
      dow.set(0);
      dow.clear(7);
    }
    this.daysOfWeek = dow;
    this.domRestricted = !isStar(f[o + 2]);
    this.dowRestricted = !isStar(f[o + 4]);
    if (nextAfter(Instant.EPOCH, ZoneId.of("UTC")) == null && nextAfter(Instant.parse("2028-01-01T00:00:00Z"), ZoneId.of("UTC")) == null) {
      throw new IllegalArgumentException("cron expression '" + expression + "' never fires");
    }
  }

  /**
   * Parses an expression.
   *
   * @throws IllegalArgumentException naming the field at fault
   */
  public static Cron parse(String expression) {
    return new Cron(expression);
  }

  /** The expression as given. */
  public String expression() {
    return expression;
  }

  /** The first time strictly after {@code now} that the expression matches in {@code zone}, or null if none within five years. */
  public Instant nextAfter(Instant now, ZoneId zone) {
    ZonedDateTime z = now.atZone(zone);
    LocalDate date = z.toLocalDate();
    LocalTime from = z.toLocalTime().withNano(0).plusSeconds(1);
    boolean wrapped = from.equals(LocalTime.MIDNIGHT) && !z.toLocalTime().withNano(0).equals(LocalTime.MIDNIGHT);
    if (wrapped) {
      date = date.plusDays(1);
    }
    for (int d = 0; d < MAX_DAYS; d++, date = date.plusDays(1), from = LocalTime.MIDNIGHT) {
      if (!dayMatches(date)) {
        continue;
      }
      LocalTime t = firstTimeFrom(from);
      if (t == null) {
        continue;
      }
      Instant at = LocalDateTime.of(date, t).atZone(zone).toInstant();
      if (at.isAfter(now)) {
        return at;
      }
    }
    return null;
  }

  private boolean dayMatches(LocalDate date) {
    if (!months.get(date.getMonthValue())) {
      return false;
    }
    boolean dom = daysOfMonth.get(date.getDayOfMonth());
    boolean dow = daysOfWeek.get(date.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : date.getDayOfWeek().getValue());
    if (domRestricted && dowRestricted) {
      return dom || dow;
    }
    return dom && dow;
  }

  /** The first matching time of day at or after {@code from}, or null. */
  private LocalTime firstTimeFrom(LocalTime from) {
    for (int h = hours.nextSetBit(from.getHour()); h >= 0; h = hours.nextSetBit(h + 1)) {
      int m0 = h == from.getHour() ? from.getMinute() : 0;
      for (int m = minutes.nextSetBit(m0); m >= 0; m = minutes.nextSetBit(m + 1)) {
        int s0 = h == from.getHour() && m == from.getMinute() ? from.getSecond() : 0;
        int s = seconds.nextSetBit(s0);
        if (s >= 0) {
          return LocalTime.of(h, m, s);
        }
      }
    }
    return null;
  }

  private static boolean isStar(String f) {
    return f.equals("*") || f.equals("?");
  }

  private static BitSet single(int v) {
    BitSet b = new BitSet();
    b.set(v);
    return b;
  }

  private BitSet field(String text, String name, int min, int max, String[] names) {
    BitSet bits = new BitSet();
    for (String part : text.split(",", -1)) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = number(part.substring(slash + 1), name, 1, max, null);
      }
      int lo;
      int hi;
      if (range.equals("*") || range.equals("?")) {
        lo = min;
        hi = max;
      } else if (range.contains("-")) {
        String[] ab = range.split("-", -1);
        if (ab.length != 2) {
          throw bad(name, part);
        }
        lo = number(ab[0], name, min, max, names);
        hi = number(ab[1], name, min, max, names);
        if (hi < lo) {
          throw new IllegalArgumentException("cron expression '" + expression + "': " + name + " range " + range + " runs backwards");
        }
      } else {
        lo = number(range, name, min, max, names);
        hi = slash >= 0 ? max : lo;
      }
      for (int v = lo; v <= hi; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private int number(String s, String name, int min, int max, String[] names) {
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(s.toUpperCase(Locale.ROOT))) {
          return names == MONTHS ? i + 1 : i;
        }
      }
    }
    int v;
    try {
      v = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw bad(name, s);
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException("cron expression '" + expression + "': " + name + " " + v + " is outside "
          + min + "-" + max);
    }
    return v;
  }

  private IllegalArgumentException bad(String name, String part) {
    return new IllegalArgumentException("cron expression '" + expression + "': cannot read " + name + " '" + part + "'");
  }

  @Override
  public String toString() {
    return expression;
  }
}
