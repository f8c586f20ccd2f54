package org.brexsync.connector.workflow;

import java.util.Objects;
import java.util.Optional;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.oomnitza.OomnitzaUser;
import org.brexsync.oomnitza.filter.Filter;

/**
 * Which Oomnitza records a workflow runs for (the Begin block): one user by username, one record
 * already in hand, or every user matching an Oomnitza filter (sent to Oomnitza, escaped by
 * oomnitza-client), optionally narrowed further by a local {@link RecordFilter}. Immutable.
 */
public final class Target {
  private final Optional<String> username;
  private final Optional<OomnitzaUser> record;
  private final Optional<Filter> filter;
  private final RecordFilter local;

  private Target(Optional<String> username, Optional<OomnitzaUser> record, Optional<Filter> filter,
      RecordFilter local) {
    this.username = username;
    this.record = record;
    this.filter = filter;
    this.local = local;
  }

  /**
   * {@return the one user with this username (fetched from Oomnitza)}
   *
   * @param username the username
   */
  public static Target username(String username) {
    return new Target(Optional.of(Objects.requireNonNull(username)), Optional.empty(), Optional.empty(),
        RecordFilter.none());
  }

  /**
   * {@return this record as given (not fetched; written back by its ident)}
   *
   * @param user the user
   */
  public static Target record(OomnitzaUser user) {
    return new Target(Optional.empty(), Optional.of(Objects.requireNonNull(user)), Optional.empty(),
        RecordFilter.none());
  }

  /**
   * {@return every Oomnitza user matching the filter, e.g. {@code Filter.isNull("brex_user_id")} for "new to Brex"}
   *
   * @param filter the filter
   */
  public static Target filter(Filter filter) {
    return new Target(Optional.empty(), Optional.empty(), Optional.of(Objects.requireNonNull(filter)),
        RecordFilter.none());
  }

  /**
   * {@return this target, keeping only records that also pass a local {@link RecordFilter}}
   *
   * @param localFilter the local filter
   */
  public Target and(RecordFilter localFilter) {
    return new Target(username, record, filter, Objects.requireNonNull(localFilter));
  }

  /** {@return the username, for a single-user target} */
  public Optional<String> username() {
    return username;
  }

  /** {@return the record, for a record target} */
  public Optional<OomnitzaUser> record() {
    return record;
  }

  /** {@return the Oomnitza filter, for a filter target} */
  public Optional<Filter> filter() {
    return filter;
  }

  /** {@return the local filter (passes everything by default)} */
  public RecordFilter localFilter() {
    return local;
  }

  @Override
  public String toString() {
    return "Target[" + username.map(u -> "username=" + u).orElse("")
        + record.map(r -> "record").orElse("") + filter.map(f -> "filter=" + f.toExpression()).orElse("")
        + (local.rules().isEmpty() ? "" : ", local=" + local) + "]";
  }
}
