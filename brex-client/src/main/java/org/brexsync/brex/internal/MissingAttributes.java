package org.brexsync.brex.internal;

import java.util.List;

/**
 * Thrown by a generated builder of this module when required attributes are unset (the style's
 * {@code throwForInvalidImmutableState}), carrying their Java names so that {@link
 * RequiredAttributes} can report them by JSON name. Extends {@link IllegalStateException}, what
 * Immutables throws by default. Not part of the public API: the public builders turn it into a
 * {@link org.brexsync.brex.BrexValidationException}.
 */
public final class MissingAttributes extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Java attribute names, in declaration order. */
  private final List<String> names;

  /**
   * The generated builders call this constructor.
   *
   * @param names the Java names of the unset required attributes
   */
  public MissingAttributes(String... names) {
    super("required attributes are not set: " + String.join(", ", names));
    this.names = List.of(names);
  }

  /** {@return the Java names of the unset required attributes, in declaration order} */
  public List<String> names() {
    return names;
  }
}
