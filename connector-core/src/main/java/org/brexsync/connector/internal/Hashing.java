package org.brexsync.connector.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Fingerprints. Not API. */
public final class Hashing {
  /** One digest per thread: looking up the provider for every record costs more than hashing it. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  });

  private Hashing() {}

  /** SHA-256 of UTF-8 text, URL-safe base64 without padding (43 chars). */
  public static String sha256(String text) {
    MessageDigest md = SHA256.get();
    md.reset();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(md.digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
