package org.brexsync.http.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Checks and encodes the ids that go into a request path. Not public API. */
public final class PathSegments {
  private PathSegments() {}

  /**
   * Why {@code value} cannot be one path segment, if it cannot: empty or blank, {@code .} or
   * {@code ..}, or containing {@code /}, {@code ?}, {@code #} or a control character (each would
   * change which resource the request reaches).
   */
  public static Optional<String> problem(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (value.isBlank()) {
      return Optional.of("must not be blank");
    }
    if (value.equals(".") || value.equals("..")) {
      return Optional.of("must not be '.' or '..' (it would change the path)");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return Optional.of("must not contain '" + c + "' (it would change the path)");
      }
      if (Character.isISOControl(c)) {
        return Optional.of("must not contain control characters");
      }
    }
    return Optional.empty();
  }

  /** Percent-encodes {@code value} (UTF-8; a space as {@code %20}, never {@code +}). */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
