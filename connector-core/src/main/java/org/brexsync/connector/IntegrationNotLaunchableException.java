package org.brexsync.connector;

import java.util.List;

/** Thrown when a DRAFT integration is asked to run; lists every missing item. */
public class IntegrationNotLaunchableException extends ConnectorException {
  private static final long serialVersionUID = 1L;
  private final List<String> missing;

  /** An exception. */
  public IntegrationNotLaunchableException(List<String> missing) {
    super("integration is DRAFT, missing: " + String.join("; ", missing));
    this.missing = List.copyOf(missing);
  }

  /** The missing items. */
  public List<String> missing() {
    return missing;
  }
}
