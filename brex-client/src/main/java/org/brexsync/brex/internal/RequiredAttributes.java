package org.brexsync.brex.internal;

import java.util.ArrayList;
import java.util.List;
import org.brexsync.brex.BrexValidation;
import org.brexsync.brex.BrexValidationException;
import org.brexsync.brex.Violation;

/**
 * Collects the required attributes a request builder has not set, by JSON name, and throws one
 * {@link BrexValidationException} listing all of them (the wording matches
 * {@link BrexValidation#parse}: {@code "card_type: is required"}). Used by the {@code build()}
 * overrides of the request builders; not part of the public API.
 */
public final class RequiredAttributes {
  private final String what;
  private final List<Violation> missing = new ArrayList<>();

  private RequiredAttributes(String what) {
    this.what = what;
  }

  /** Starts a check of the request type named {@code what} (its simple class name). */
  public static RequiredAttributes of(String what) {
    return new RequiredAttributes(what);
  }

  /** Records {@code jsonName} as missing unless {@code isSet}. */
  public RequiredAttributes require(boolean isSet, String jsonName) {
    if (!isSet) {
      missing.add(new Violation(jsonName, "is required"));
    }
    return this;
  }

  /** Throws one {@link BrexValidationException} when any required attribute is missing. */
  public void throwIfMissing() {
    BrexValidation.throwIfAny(what, missing);
  }
}
