package org.brexsync.brex.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.brexsync.brex.BrexJson;
import org.brexsync.brex.BrexResponseException;

/** Parses webhook payloads (after {@link WebhookVerifier} has accepted them). */
public final class WebhookEvents {
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = BrexJson.mapper();

  private WebhookEvents() {}

  /**
   * {@return the {@code event_type} of a payload; {@code UNKNOWN} for types this version does not know}
   *
   * @param body the body
   */
  public static WebhookEventType eventType(byte[] body) {
    JsonNode tree = tree(body);
    JsonNode t = tree.get("event_type");
    if (t == null || !t.isTextual()) {
      throw new BrexResponseException("Webhook payload has no event_type", 0, "POST", "(webhook)",
          "", null);
    }
    try {
      return WebhookEventType.valueOf(t.asText());
    } catch (IllegalArgumentException e) {
      return WebhookEventType.UNKNOWN;
    }
  }

  /**
   * Parses a {@code USER_UPDATED} payload.
   *
   * @param body the body
   * @return the parsed user updated event
   * @throws BrexResponseException when the payload is malformed or of another event type
   */
  public static UserUpdatedEvent parseUserUpdated(byte[] body) {
    WebhookEventType type = eventType(body);
    if (type != WebhookEventType.USER_UPDATED) {
      throw new BrexResponseException("Webhook payload is " + type + ", not USER_UPDATED", 0,
          "POST", "(webhook)", "", null);
    }
    return BrexJson.fromJsonTree(tree(body), UserUpdatedEvent.class);
  }

  /**
   * {@return {@link #parseUserUpdated(byte[])} of a UTF-8 string}
   *
   * @param body the body
   */
  public static UserUpdatedEvent parseUserUpdated(String body) {
    return parseUserUpdated(body.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode tree(byte[] body) {
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null || !n.isObject()) {
        throw new java.io.IOException("not a JSON object");
      }
      return n;
    } catch (java.io.IOException e) {
      throw new BrexResponseException("Malformed webhook payload: " + e.getClass().getSimpleName(),
          0, "POST", "(webhook)", "", e);
    }
  }
}
