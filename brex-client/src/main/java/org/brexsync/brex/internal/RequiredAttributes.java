package org.brexsync.brex.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.brexsync.brex.BrexValidation;
import org.brexsync.brex.BrexValidationException;
import org.brexsync.brex.Violation;

/**
 * Runs a generated {@code build()} and turns a {@link MissingAttributes} into one {@link
 * BrexValidationException} with a violation per unset required attribute, named by its JSON name
 * (the wording matches {@link BrexValidation#parse}: {@code "card_type: is required"}). Used by the
 * {@code build()} overrides of the public builders; not part of the public API.
 */
public final class RequiredAttributes {
  private RequiredAttributes() {}

  /**
   * Builds a value of {@code type}.
   *
   * @param <T> the value type
   * @param type the public value type, whose accessors carry the {@link JsonProperty} names
   * @param build the generated {@code build()}
   * @return the built value
   * @throws BrexValidationException listing every unset required attribute
   */
  public static <T> T build(Class<T> type, Supplier<? extends T> build) {
    try {
      return build.get();
    } catch (MissingAttributes e) {
      List<Violation> missing = new ArrayList<>();
      for (String name : e.names()) {
        missing.add(new Violation(jsonName(type, name), "is required"));
      }
      BrexValidation.throwIfAny(type.getSimpleName(), missing);
      throw e; // unreachable: names() is never empty
    }
  }

  private static String jsonName(Class<?> type, String attribute) {
    try {
      JsonProperty p = type.getMethod(attribute).getAnnotation(JsonProperty.class);
      return p == null || p.value().isEmpty() ? attribute : p.value();
    } catch (NoSuchMethodException e) {
      return attribute;
    }
  }
}
