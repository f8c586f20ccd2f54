package org.brexsync.connector;

import java.util.List;

/** The outcome of validating an integration: its status and every missing item or problem, readable. */
public final class ValidationResult {
  private final List<String> missing;

  ValidationResult(List<String> missing) {
    this.missing = List.copyOf(missing);
  }

  /** {@return DRAFT while anything is missing, else LAUNCHABLE} */
  public IntegrationStatus status() {
    return missing.isEmpty() ? IntegrationStatus.LAUNCHABLE : IntegrationStatus.DRAFT;
  }

  /** {@return every missing mandatory item and every problem, one readable sentence each} */
  public List<String> missing() {
    return missing;
  }

  /** {@return whether the integration can run} */
  public boolean isLaunchable() {
    return missing.isEmpty();
  }

  /** @throws IntegrationNotLaunchableException listing every missing item when DRAFT */
  public void requireLaunchable() {
    if (!missing.isEmpty()) {
      throw new IntegrationNotLaunchableException(missing);
    }
  }

  @Override
  public String toString() {
    return missing.isEmpty() ? "LAUNCHABLE" : "DRAFT: " + String.join("; ", missing);
  }
}
