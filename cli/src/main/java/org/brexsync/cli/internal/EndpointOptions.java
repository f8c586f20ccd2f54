package org.brexsync.cli.internal;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --brex-url} and {@code --oomnitza-url}, for every command that talks to Brex or Oomnitza:
 * they win over {@code BREX_BASE_URL} / {@code OOMNITZA_URL}, which win over an integration document's
 * {@code baseUrl}, which wins over the default.
 */
public final class EndpointOptions {
  @Option(names = "--brex-url", paramLabel = "URL",
      description = "Brex API base URL; wins over $BREX_BASE_URL and the integration document (default: Brex production).")
  String brexUrl;

  @Option(names = "--oomnitza-url", paramLabel = "URL",
      description = "Oomnitza instance URL; wins over $OOMNITZA_URL and the integration document.")
  String oomnitzaUrl;

  /** The {@code --brex-url} value. */
  public Optional<String> brexUrl() {
    return Optional.ofNullable(brexUrl).filter(s -> !s.isBlank());
  }

  /** The {@code --oomnitza-url} value. */
  public Optional<String> oomnitzaUrl() {
    return Optional.ofNullable(oomnitzaUrl).filter(s -> !s.isBlank());
  }
}
