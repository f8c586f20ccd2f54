package org.brexsync.connector.filter;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;
import org.brexsync.connector.record.RecordView;

/**
 * A list of {@link FilterRule}s applied together: a record passes when every rule accepts it (every
 * include rule matches, no exclude rule matches). The empty filter passes everything. Serialises as a
 * JSON array of rules. Immutable and thread-safe; reusable for any {@link RecordView}.
 */
public final class RecordFilter {
  private static final RecordFilter NONE = new RecordFilter(List.of());
  private final List<FilterRule> rules;

  private RecordFilter(List<FilterRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * {@return a filter of the given rules}
   *
   * @param rules the rules
   */
  @JsonCreator
  public static RecordFilter of(List<FilterRule> rules) {
    return rules.isEmpty() ? NONE : new RecordFilter(rules);
  }

  /**
   * {@return a filter of the given rules}
   *
   * @param rules the rules
   */
  public static RecordFilter of(FilterRule... rules) {
    return of(List.of(rules));
  }

  /** {@return the filter that passes every record} */
  public static RecordFilter none() {
    return NONE;
  }

  /** {@return the rules, in order} */
  @JsonValue
  public List<FilterRule> rules() {
    return rules;
  }

  /**
   * {@return whether the record passes}
   *
   * @param record the record
   */
  public boolean test(RecordView record) {
    return rejection(record).isEmpty();
  }

  /**
   * {@return the first rule that rejects the record, as readable text; empty when the record passes}
   *
   * @param record the record
   */
  public Optional<String> rejection(RecordView record) {
    for (FilterRule r : rules) {
      if (!r.accepts(record)) {
        return Optional.of("filtered out by " + r.describe());
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordFilter && ((RecordFilter) o).rules.equals(rules);
  }

  @Override
  public int hashCode() {
    return rules.hashCode();
  }

  @Override
  public String toString() {
    return "RecordFilter" + rules;
  }
}
