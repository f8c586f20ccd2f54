package org.brexsync.spring.boot.autoconfigure;

import java.util.Objects;

/**
 * brexsync's auto-configuration cannot do what the {@code brexsync.*} properties ask: a property is
 * missing or wrong, the integration document cannot be read, or the integration is not launchable.
 * Thrown while the application context starts; Spring Boot's failure analysis prints {@link
 * #getMessage() what is wrong} and {@link #action() what to do}. Messages never contain a token.
 */
public class BrexsyncConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What to do about it: the failure analysis's action. */
  private final String action;

  /**
   * An exception.
   *
   * @param description what is wrong, naming the property or document
   * @param action what to do about it
   */
  public BrexsyncConfigurationException(String description, String action) {
    this(description, action, null);
  }

  /**
   * An exception caused by {@code cause}, whose message must already be free of secrets (the
   * brexsync libraries' messages are).
   *
   * @param description what is wrong, the failure analysis's description (free of secrets)
   * @param action what to do about it, the failure analysis's action
   * @param cause the underlying failure, its message free of secrets
   */
  public BrexsyncConfigurationException(String description, String action, Throwable cause) {
    super(Objects.requireNonNull(description, "description"), cause);
    this.action = Objects.requireNonNull(action, "action");
  }

  /** {@return what to do about it} */
  public String action() {
    return action;
  }
}
