package org.brexsync.spring.boot.autoconfigure;

import org.brexsync.oomnitza.OomnitzaClient;

/**
 * Changes the auto-configured {@link OomnitzaClient}'s builder after the {@code brexsync.oomnitza.*}
 * properties and the request listeners were applied: an {@code sslContext} for tenants that require
 * a client certificate, {@code credentials(username, password)} instead of the token, a rate limiter,
 * {@code conventions}. Every bean of this type is applied, in {@link
 * org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface OomnitzaClientBuilderCustomizer {
  /**
   * Customizes the builder.
   *
   * @param builder the client's builder, with the starter's settings applied
   */
  void customize(OomnitzaClient.Builder builder);
}
