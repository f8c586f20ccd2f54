package org.brexsync.spring.boot.autoconfigure;

import org.brexsync.brex.BrexClient;

/**
 * Changes the auto-configured {@link BrexClient}'s builder after the {@code brexsync.brex.*}
 * properties and the request listeners were applied: a proxy or TLS through {@code httpClient}, a
 * rate limiter shared with other clients of the token, a {@code tokenProvider} for rotation. Every
 * bean of this type is applied, in {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface BrexClientBuilderCustomizer {
  /**
   * Customizes the builder.
   *
   * @param builder the client's builder, with the starter's settings applied
   */
  void customize(BrexClient.Builder builder);
}
