package org.brexsync.connector.insight;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one {@link InsightRule}: how many records are behind it and (up to the member
 * limit) which. A rule that needs Oomnitza when none is configured is {@linkplain #available()
 * unavailable} rather than zero.
 */
public final class InsightResult {
  private final InsightRule rule;
  private final Optional<ViewResult> members;

  private InsightResult(InsightRule rule, Optional<ViewResult> members) {
    this.rule = Objects.requireNonNull(rule, "rule");
    this.members = members;
  }

  static InsightResult of(InsightRule rule, ViewResult members) {
    return new InsightResult(rule, Optional.of(members));
  }

  static InsightResult unavailable(InsightRule rule) {
    return new InsightResult(rule, Optional.empty());
  }

  /** {@return the rule} */
  public InsightRule rule() {
    return rule;
  }

  /** {@return the rule's name} */
  public String name() {
    return rule.name();
  }

  /** {@return whether the rule could be evaluated (false: it needs Oomnitza and none is configured)} */
  public boolean available() {
    return members.isPresent();
  }

  /** {@return records behind the finding (0 when unavailable)} */
  public long count() {
    return members.map(ViewResult::matched).orElse(0L);
  }

  /** {@return the records behind it, as the rule's view lists them (at most the member limit)} */
  public Optional<ViewResult> members() {
    return members;
  }

  @Override
  public String toString() {
    return rule.name() + "=" + (available() ? Long.toString(count()) : "n/a");
  }
}
