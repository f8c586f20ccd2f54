package org.brexsync.connector;

import java.util.List;

/** Thrown when a DRAFT integration is asked to run; lists every missing item. */
public class IntegrationNotLaunchableException extends ConnectorException {
  private static final long serialVersionUID = 1L;
  /** Every missing mandatory item. */
  private final List<String> missing;

  /**
   * An exception.
   *
   * @param missing what is missing
   */
  public IntegrationNotLaunchableException(List<String> missing) {
    super("integration is DRAFT, missing: " + String.join("; ", missing));
    this.missing = List.copyOf(missing);
  }

  /** {@return the missing items} */
  public List<String> missing() {
    return missing;
  }
}
