package org.brexsync.cli.internal;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --brex-url} and {@code --oomnitza-url}, for every command that talks to Brex or Oomnitza:
 * they win over {@code BREX_BASE_URL} / {@code OOMNITZA_URL}, which win over an integration document's
 * {@code baseUrl}, which wins over the default. {@code --allow-plain-http} opts in to plain http to a
 * host that is not loopback.
 */
public final class EndpointOptions {
  @Option(names = "--brex-url", paramLabel = "URL",
      description = "Brex API base URL; wins over $BREX_BASE_URL and the integration document (default: Brex production).")
  String brexUrl;

  @Option(names = "--oomnitza-url", paramLabel = "URL",
      description = "Oomnitza instance URL; wins over $OOMNITZA_URL and the integration document.")
  String oomnitzaUrl;

  @Option(names = "--allow-plain-http",
      description = "Allow plain http to a Brex or Oomnitza host that is not loopback, e.g. 'brexsync sandbox' on another "
          + "machine (tokens travel unencrypted); also $BREXSYNC_ALLOW_PLAIN_HTTP=true.")
  boolean allowPlainHttp;

  /** The {@code --brex-url} value. */
  public Optional<String> brexUrl() {
    return Optional.ofNullable(brexUrl).filter(s -> !s.isBlank());
  }

  /** The {@code --oomnitza-url} value. */
  public Optional<String> oomnitzaUrl() {
    return Optional.ofNullable(oomnitzaUrl).filter(s -> !s.isBlank());
  }

  /** Whether {@code --allow-plain-http} was given. */
  public boolean allowPlainHttp() {
    return allowPlainHttp;
  }
}
