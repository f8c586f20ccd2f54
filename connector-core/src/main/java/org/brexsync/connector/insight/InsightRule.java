package org.brexsync.connector.insight;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.connector.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * A named insight: a {@link ListView} whose rows are the records behind the finding (for example
 * "cards still ACTIVE or LOCKED for DISABLED/DELETED users"). The count is the number of rows the
 * view's filters accept. Rules are data; the built-in ones are in {@link Catalog#insights()}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableInsightRule.class)
@JsonDeserialize(as = ImmutableInsightRule.class)
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public abstract class InsightRule implements WithInsightRule {

  /** What the finding means and what to do about it. */
  public enum Kind {
    /** A risk: access that should not exist. */
    RISK,
    /** A cost: money or licences that could be saved. */
    COST,
    /** Data quality: records out of step between systems. */
    HYGIENE,
    /** A figure to know (totals), not a problem. */
    FIGURE
  }

  /** {@return the rule's name (anchor and CLI id), e.g. {@code cards-of-disabled-users}} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return a one-line title} */
  @JsonProperty("title")
  public abstract String title();

  /** {@return why it matters and what to do} */
  @JsonProperty("description")
  public abstract String description();

  /** {@return the kind of finding} */
  @JsonProperty("kind")
  @Value.Default
  public Kind kind() {
    return Kind.RISK;
  }

  /** {@return true when the rule reads {@code oomnitza.*} and cannot be evaluated without Oomnitza} */
  @JsonProperty("needsOomnitza")
  @Value.Default
  public boolean needsOomnitza() {
    return false;
  }

  /** {@return the records behind the finding (filters select them; columns describe them)} */
  @JsonProperty("view")
  public abstract ListView view();

  /** {@return a rule builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link InsightRule}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableInsightRule.Builder {
    Builder() {}
  }
}
