package org.brexsync.connector.mapping;

import java.util.Objects;

/** One smart-mapping suggestion: a rule, how confident the matcher is (0..1) and why. */
public final class MappingSuggestion {
  private final String sourceField;
  private final String targetField;
  private final double confidence;
  private final String reason;

  MappingSuggestion(String sourceField, String targetField, double confidence, String reason) {
    this.sourceField = Objects.requireNonNull(sourceField);
    this.targetField = Objects.requireNonNull(targetField);
    this.confidence = confidence;
    this.reason = Objects.requireNonNull(reason);
  }

  /** {@return the source path} */
  public String sourceField() {
    return sourceField;
  }

  /** {@return the target field} */
  public String targetField() {
    return targetField;
  }

  /**
   * {@return confidence in [0, 1]: 1 for an exact normalised match, lower for synonyms and partial matches}
   */
  public double confidence() {
    return confidence;
  }

  /** {@return why the fields were matched, e.g. "synonym (surname ~ last name)"} */
  public String reason() {
    return reason;
  }

  /** {@return the suggestion as a rule} */
  public MappingRule toRule() {
    return MappingRule.of(targetField, sourceField);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s <- %s (%.2f, %s)", targetField, sourceField, confidence, reason);
  }
}
