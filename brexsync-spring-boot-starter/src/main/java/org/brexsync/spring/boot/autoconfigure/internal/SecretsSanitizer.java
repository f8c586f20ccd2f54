package org.brexsync.spring.boot.autoconfigure.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.brexsync.connector.Connection;
import org.brexsync.connector.Integration;
import org.brexsync.spring.boot.autoconfigure.BrexsyncConfigurationException;
import org.brexsync.spring.boot.autoconfigure.BrexsyncProperties;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.Environment;

/**
 * Masks brexsync's tokens wherever Actuator shows properties ({@code env}, {@code configprops}),
 * even when an application shows values ({@code management.endpoint.*.show-values=always}):
 * {@code brexsync.brex.token}, {@code brexsync.oomnitza.token} in any of their relaxed forms
 * ({@code BREXSYNC_BREX_TOKEN}), the CLI's variables and the variables an integration document
 * names. Not API.
 */
public final class SecretsSanitizer implements SanitizingFunction {
  private final Set<String> keys = new HashSet<>();

  /** A sanitizer for the variables these properties read tokens from. */
  public SecretsSanitizer(BrexsyncProperties properties, Environment environment) {
    keys.add("brexsync.brex.token");
    keys.add("brexsync.oomnitza.token");
    Optional<Integration> document;
    try {
      document = Integrations.document(properties);
    } catch (BrexsyncConfigurationException e) {
      document = Optional.empty(); // the context fails on it elsewhere, with the reason
    }
    keys.add(normalize(Endpoints.brex(properties, environment, document).tokenVariable()));
    keys.add(normalize(Endpoints.oomnitza(properties, environment, document).tokenVariable()));
    keys.add(normalize(Endpoints.BREX_API_TOKEN));
    keys.add(normalize(Endpoints.OOMNITZA_API_TOKEN));
    document.flatMap(Integration::brex).map(Connection::tokenEnv).map(SecretsSanitizer::normalize).ifPresent(keys::add);
    document.flatMap(Integration::oomnitza).map(Connection::tokenEnv).map(SecretsSanitizer::normalize).ifPresent(keys::add);
  }

  @Override
  public SanitizableData apply(SanitizableData data) {
    return data.getKey() != null && keys.contains(normalize(data.getKey())) ? data.withSanitizedValue() : data;
  }

  /** Whether a property of this name is masked. */
  public boolean masks(String key) {
    return keys.contains(normalize(key));
  }

  private static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
  }
}
