package org.brexsync.connector.port;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * What Oomnitza said about each record of one bulk portion ({@link UserSink#bulkUpload}), in the
 * order of {@link BulkUpload#records()}. A sink that cannot learn per-record outcomes returns
 * {@link #unverified(int)}: the engine then reports those records as sent but unverified instead of
 * counting them written, and re-checks them on the next run.
 *
 * <pre>{@code
 * BulkResult r = BulkResult.builder(3, BulkResult.Verdict.ACCEPTED)
 *     .reject(1, "Value 'jdoe' of unique field 'username' is already used by another user")
 *     .build();
 * }</pre>
 */
public final class BulkResult {
  /** The outcome of one record of a portion. */
  public enum Verdict {
    /** Oomnitza answered that it created, updated or already held the record. */
    ACCEPTED,
    /** Oomnitza answered that it refused the record (the reason says why). */
    REJECTED,
    /** Sent, but Oomnitza's answer says nothing about this record. */
    UNVERIFIED,
    /** Sent, but the call failed: Oomnitza may or may not have applied it (the reason says why). */
    FAILED,
    /** Never sent: refused before the call (e.g. a field without a known field id). */
    NOT_SENT;

    /** {@return whether the record reached Oomnitza (everything but {@link #NOT_SENT})} */
    public boolean sent() {
      return this != NOT_SENT;
    }
  }

  private final Verdict[] verdicts;
  private final String[] reasons;
  private final java.util.OptionalLong created;

  private BulkResult(Verdict[] verdicts, String[] reasons, java.util.OptionalLong created) {
    this.verdicts = verdicts;
    this.reasons = reasons;
    this.created = created;
  }

  /**
   * {@return how many records of the portion Oomnitza says it created (rather than updated or found
   * unchanged), when its answer says; empty when it does not}
   */
  public java.util.OptionalLong created() {
    return created;
  }

  /**
   * Every one of {@code size} records sent, none confirmed.
   *
   * @param size the number of records in the portion
   * @return a result with every record {@link Verdict#UNVERIFIED}
   */
  public static BulkResult unverified(int size) {
    return builder(size, Verdict.UNVERIFIED).build();
  }

  /**
   * Every one of {@code size} records accepted.
   *
   * @param size the number of records in the portion
   * @return a result with every record {@link Verdict#ACCEPTED}
   */
  public static BulkResult accepted(int size) {
    return builder(size, Verdict.ACCEPTED).build();
  }

  /**
   * A builder for {@code size} records, each starting as {@code initial}.
   *
   * @param size the number of records in the portion (not negative)
   * @param initial the verdict of every record until the builder sets another
   * @return a new builder
   * @throws IllegalArgumentException when {@code size} is negative
   */
  public static Builder builder(int size, Verdict initial) {
    return new Builder(size, initial);
  }

  /** {@return the number of records} */
  public int size() {
    return verdicts.length;
  }

  /**
   * {@return the verdict on record {@code index}}
   *
   * @param index the record's position in {@link BulkUpload#records()}
   */
  public Verdict verdict(int index) {
    return verdicts[index];
  }

  /**
   * {@return why record {@code index} was rejected, failed or not sent; empty when no reason was given}
   *
   * @param index the record's position in {@link BulkUpload#records()}
   */
  public Optional<String> reason(int index) {
    return Optional.ofNullable(reasons[index]);
  }

  /**
   * {@return how many records have {@code verdict}}
   *
   * @param verdict the verdict to count
   */
  public int count(Verdict verdict) {
    int n = 0;
    for (Verdict v : verdicts) {
      if (v == verdict) {
        n++;
      }
    }
    return n;
  }

  /** {@return whether any record reached Oomnitza} */
  public boolean anySent() {
    for (Verdict v : verdicts) {
      if (v.sent()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("BulkResult{");
    for (Verdict v : Verdict.values()) {
      int n = count(v);
      if (n > 0) {
        sb.append(sb.length() > 11 ? ", " : "").append(v).append('=').append(n);
      }
    }
    return sb.append('}').toString();
  }

  /** Builds a {@link BulkResult}. */
  public static final class Builder {
    private final Verdict[] verdicts;
    private final String[] reasons;
    private java.util.OptionalLong created = java.util.OptionalLong.empty();

    private Builder(int size, Verdict initial) {
      if (size < 0) {
        throw new IllegalArgumentException("size must be >= 0");
      }
      verdicts = new Verdict[size];
      Arrays.fill(verdicts, Objects.requireNonNull(initial, "initial"));
      reasons = new String[size];
    }

    /**
     * Sets the verdict of record {@code index}, with an optional reason.
     *
     * @param index the record's position in {@link BulkUpload#records()}
     * @param verdict the record's verdict
     * @param reason why, or null for none
     * @return this builder
     */
    public Builder set(int index, Verdict verdict, String reason) {
      verdicts[index] = Objects.requireNonNull(verdict, "verdict");
      reasons[index] = reason;
      return this;
    }

    /**
     * Record {@code index} was accepted.
     *
     * @param index the record's position in {@link BulkUpload#records()}
     * @return this builder
     */
    public Builder accept(int index) {
      return set(index, Verdict.ACCEPTED, null);
    }

    /**
     * Record {@code index} was refused by Oomnitza for {@code reason}.
     *
     * @param index the record's position in {@link BulkUpload#records()}
     * @param reason Oomnitza's reason (not null)
     * @return this builder
     */
    public Builder reject(int index, String reason) {
      return set(index, Verdict.REJECTED, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Record {@code index} was refused before sending for {@code reason}.
     *
     * @param index the record's position in {@link BulkUpload#records()}
     * @param reason why it was not sent (not null)
     * @return this builder
     */
    public Builder notSent(int index, String reason) {
      return set(index, Verdict.NOT_SENT, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * How many of the portion's records Oomnitza says it created.
     *
     * @param n the count Oomnitza reported (not negative)
     * @return this builder
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public Builder created(long n) {
      if (n < 0) {
        throw new IllegalArgumentException("created must be >= 0");
      }
      this.created = java.util.OptionalLong.of(n);
      return this;
    }

    /**
     * {@return the verdict currently set for record {@code index}}
     *
     * @param index the record's position in {@link BulkUpload#records()}
     */
    public Verdict verdict(int index) {
      return verdicts[index];
    }

    /** {@return the result (later changes to this builder do not affect it)} */
    public BulkResult build() {
      return new BulkResult(verdicts.clone(), reasons.clone(), created);
    }
  }
}
