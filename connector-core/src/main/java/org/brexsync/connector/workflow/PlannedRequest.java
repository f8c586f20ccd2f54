package org.brexsync.connector.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The exact request a step sends (or, in a dry run, would send), with secrets redacted: the
 * credential header reads {@code Bearer ****}.
 *
 * @param method the HTTP method
 * @param uri the full URI, placeholders substituted and encoded
 * @param headers the headers, credentials redacted
 * @param body the JSON body, if any
 */
public record PlannedRequest(String method, URI uri, Map<String, String> headers, Optional<JsonNode> body) {
  /**
   * A planned request (copies the headers).
   *
   * @param body the body
   * @param headers the headers
   * @param method the method
   * @param uri the URI
   */
  public PlannedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /**
   * {@return the request as text: {@code METHOD URI}, then one line per header (sorted, credentials
   * redacted), then the JSON body, like an HTTP message}
   */
  public String describe() {
    StringBuilder sb = new StringBuilder(method).append(' ').append(uri);
    new java.util.TreeMap<>(headers).forEach((k, v) -> sb.append('\n').append(k).append(": ").append(v));
    body.ifPresent(b -> sb.append("\n\n").append(b));
    return sb.toString();
  }
}
