package org.brexsync.oomnitza;

/**
 * An argument breaks a client-side rule, e.g. an id that cannot be one path segment ({@code ..},
 * a {@code /}, a control character). Nothing was sent ({@link #status()} is 0). Unlike {@link
 * OomnitzaBadRequestException}, which is Oomnitza's own 400/422 answer, this is decided by the
 * client, as {@code BrexValidationException} is in the Brex client.
 */
public class OomnitzaArgumentException extends OomnitzaException {
  private static final long serialVersionUID = 1L;

  /** The rejected parameter. */
  private final String parameter;

  /**
   * Creates the exception for {@code parameter}.
   *
   * @param parameter the parameter that was rejected
   * @param message the detail message (never a secret)
   */
  public OomnitzaArgumentException(String parameter, String message) {
    super("Invalid " + parameter + ": " + message + " (nothing was sent)");
    this.parameter = parameter;
  }

  /** {@return the name of the offending parameter, e.g. {@code ident}} */
  public String parameter() {
    return parameter;
  }
}
