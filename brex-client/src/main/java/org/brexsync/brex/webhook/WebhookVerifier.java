package org.brexsync.brex.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies that a webhook request comes from Brex: HMAC-SHA256 over
 * {@code "<Webhook-Id>.<Webhook-Timestamp>.<raw body>"} with the base64-decoded secret (a
 * {@code whsec_} prefix is stripped), compared in constant time with each {@code v1,<base64>}
 * entry of the space-separated {@code Webhook-Signature} header, under every configured secret
 * (two during rotation). The timestamp must be within the tolerance (default 5 minutes) of the
 * clock. Immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.builder()
 *     .secrets(brex.webhooks().listSecrets()).build();
 * verifier.verify(headers, rawBody); // throws WebhookVerificationException
 * }</pre>
 */
public final class WebhookVerifier {
  /** Header carrying the message id. */
  public static final String ID_HEADER = "Webhook-Id";
  /** Header carrying the Unix timestamp in seconds. */
  public static final String TIMESTAMP_HEADER = "Webhook-Timestamp";
  /** Header carrying the signatures. */
  public static final String SIGNATURE_HEADER = "Webhook-Signature";
  /** Default timestamp tolerance. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final List<byte[]> keys;
  private final Duration tolerance;
  private final Clock clock;

  private WebhookVerifier(Builder b) {
    this.keys = List.copyOf(b.keys);
    this.tolerance = b.tolerance;
    this.clock = b.clock;
  }

  /** {@return a builder} At least one secret is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a request given its headers (names case-insensitive) and raw body.
   *
   * @param headers the headers
   * @param body the body
   * @throws WebhookVerificationException when it is not a valid, fresh Brex webhook
   */
  public void verify(Map<String, List<String>> headers, byte[] body) {
    verify(header(headers, ID_HEADER), header(headers, TIMESTAMP_HEADER),
        header(headers, SIGNATURE_HEADER), body);
  }

  /**
   * Verifies a request from its three headers and raw body bytes (verify the bytes as received,
   * before any JSON parsing).
   *
   * @param webhookId the webhook id
   * @param timestamp the timestamp
   * @param signatureHeader the signature header
   * @param body the body
   * @throws WebhookVerificationException when it is not a valid, fresh Brex webhook
   */
  public void verify(String webhookId, String timestamp, String signatureHeader, byte[] body) {
    if (isBlank(webhookId) || isBlank(timestamp) || isBlank(signatureHeader)) {
      throw new WebhookVerificationException("Missing " + ID_HEADER + ", " + TIMESTAMP_HEADER
          + " or " + SIGNATURE_HEADER + " header");
    }
    Objects.requireNonNull(body, "body");
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      throw new WebhookVerificationException("Malformed " + TIMESTAMP_HEADER + " header");
    }
    Instant sent = Instant.ofEpochSecond(seconds);
    Duration skew = Duration.between(sent, clock.instant()).abs();
    if (skew.compareTo(tolerance) > 0) {
      throw new WebhookVerificationException("Webhook timestamp is outside the tolerance of "
          + tolerance + " (off by " + skew.toSeconds() + " s): possible replay");
    }
    List<byte[]> candidates = new ArrayList<>();
    for (String entry : signatureHeader.trim().split("\\s+")) {
      int comma = entry.indexOf(',');
      if (comma > 0 && entry.substring(0, comma).equals("v1")) {
        candidates.add(entry.substring(comma + 1).getBytes(StandardCharsets.US_ASCII));
      }
    }
    if (candidates.isEmpty()) {
      throw new WebhookVerificationException("No v1 signature in " + SIGNATURE_HEADER);
    }
    byte[] prefix = (webhookId.trim() + "." + timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8);
    boolean ok = false;
    for (byte[] key : keys) {
      byte[] expected = Base64.getEncoder().encode(hmac(key, prefix, body));
      for (byte[] candidate : candidates) {
        // Evaluate every pair: no early exit that could leak which secret matched.
        ok |= MessageDigest.isEqual(expected, candidate);
      }
    }
    if (!ok) {
      throw new WebhookVerificationException("Webhook signature does not match any secret");
    }
  }

  /**
   * Like {@link #verify(String, String, String, byte[])} with a UTF-8 body string.
   *
   * @param webhookId the webhook id
   * @param timestamp the timestamp
   * @param signatureHeader the signature header
   * @param body the body
   */
  public void verify(String webhookId, String timestamp, String signatureHeader, String body) {
    verify(webhookId, timestamp, signatureHeader, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@return true when {@link #verify(Map, byte[])} would pass}
   *
   * @param headers the headers
   * @param body the body
   */
  public boolean isValid(Map<String, List<String>> headers, byte[] body) {
    try {
      verify(headers, body);
      return true;
    } catch (WebhookVerificationException e) {
      return false;
    }
  }

  /**
   * {@return the {@code v1,<base64>} signature for a message under {@code secret}: for tests and for
   * simulators that send webhooks}
   *
   * @param secret the secret
   * @param webhookId the webhook id
   * @param timestamp the timestamp
   * @param body the body
   */
  public static String sign(String secret, String webhookId, long timestamp, byte[] body) {
    byte[] prefix = (webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    return "v1," + Base64.getEncoder().encodeToString(hmac(decodeSecret(secret), prefix, body));
  }

  private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static byte[] decodeSecret(String secret) {
    Objects.requireNonNull(secret, "secret");
    String s = secret.trim();
    if (s.startsWith("whsec_")) {
      s = s.substring("whsec_".length());
    }
    try {
      byte[] key = Base64.getDecoder().decode(s);
      if (key.length == 0) {
        throw new IllegalArgumentException("webhook secret is empty");
      }
      return key;
    } catch (IllegalArgumentException e) {
      // Never echo the secret.
      throw new IllegalArgumentException("webhook secret is not valid base64");
    }
  }

  private static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
          && e.getValue() != null && !e.getValue().isEmpty()) {
        return String.join(" ", e.getValue());
      }
    }
    return null;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    return "WebhookVerifier[" + keys.size() + " secret(s) ****, tolerance=" + tolerance + "]";
  }

  /** Builder of {@link WebhookVerifier}. */
  public static final class Builder {
    private final List<byte[]> keys = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Adds a secret (base64, optionally {@code whsec_}-prefixed).
     *
     * @param secret the secret
     * @return this builder
     */
    public Builder secret(String secret) {
      keys.add(decodeSecret(secret));
      return this;
    }

    /**
     * Adds every secret Brex returned; during rotation both are accepted.
     *
     * @param secrets the secrets
     * @return this builder
     */
    public Builder secrets(List<WebhookSecret> secrets) {
      secrets.forEach(s -> secret(s.secret()));
      return this;
    }

    /**
     * Adds secrets given as strings.
     *
     * @param secrets the secrets
     * @return this builder
     */
    public Builder secretStrings(List<String> secrets) {
      secrets.forEach(this::secret);
      return this;
    }

    /**
     * Maximum distance between the webhook timestamp and now (default 5 minutes).
     *
     * @param tolerance maximum distance between the webhook timestamp and now (default 5 minutes)
     * @return this builder
     */
    public Builder tolerance(Duration tolerance) {
      if (tolerance.isNegative()) {
        throw new IllegalArgumentException("tolerance must not be negative");
      }
      this.tolerance = tolerance;
      return this;
    }

    /**
     * Clock for the timestamp check.
     *
     * @param clock clock for the timestamp check
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the new webhook verifier
     */
    public WebhookVerifier build() {
      if (keys.isEmpty()) {
        throw new IllegalStateException("at least one webhook secret is required");
      }
      return new WebhookVerifier(this);
    }

    @Override
    public String toString() {
      return "WebhookVerifier.Builder[" + keys.size() + " secret(s) ****]";
    }
  }
}
