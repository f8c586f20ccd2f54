package org.brexsync.brex;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request broke one or more client-side rules; nothing was sent ({@link #status()} is 0). Lists
 * every violation. Brex's own 400 answer is a {@link BrexBadRequestException} instead.
 */
public class BrexValidationException extends BrexException {
  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  /**
   * Creates the exception from a non-empty list of violations.
   *
   * @param what what was being validated, for the message
   * @param violations every broken rule
   */
  public BrexValidationException(String what, List<Violation> violations) {
    super(
        "Invalid " + what + " (" + violations.size() + " problem"
            + (violations.size() == 1 ? "" : "s") + "): "
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  /** {@return every violated rule, in field order} */
  public List<Violation> violations() {
    return violations;
  }
}
