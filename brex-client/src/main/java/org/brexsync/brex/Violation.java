package org.brexsync.brex;

/**
 * One broken validation rule.
 *
 * @param field JSON path of the offending field, e.g. {@code mailing_address.line1}
 * @param message what is wrong, without echoing secret values
 */
public record Violation(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
