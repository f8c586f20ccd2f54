package org.brexsync.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The property names a request body may carry, per nested object path, taken from the vendor
 * spec. Unknown names are rejected so that a misspelt optional field in a client (which a lenient
 * server would silently ignore) fails in tests.
 */
public final class RequestSchema {
  private final Map<String, Set<String>> allowed;

  /**
   * @param allowed property names per path: {@code ""} for the top level, {@code "owner"},
   *     {@code "spend_controls.spend_limit"} for nested objects; paths not listed are not checked
   */
  public RequestSchema(Map<String, Set<String>> allowed) {
    this.allowed = allowed;
  }

  /** The first unknown property as a dotted path, or null when all are known. */
  public String firstUnknown(JsonNode body) {
    return check(body, "");
  }

  private String check(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      return null;
    }
    Set<String> names = allowed.get(path);
    if (names == null) {
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      if (!names.contains(e.getKey())) {
        return child;
      }
      String nested = check(e.getValue(), child);
      if (nested != null) {
        return nested;
      }
    }
    return null;
  }
}
