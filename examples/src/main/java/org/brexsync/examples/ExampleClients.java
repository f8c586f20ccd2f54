package org.brexsync.examples;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.brex.BrexClient;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.Sandbox;

/**
 * The Brex and Oomnitza clients an example program works with: built from {@value #BREX_API_TOKEN}
 * (and {@value #BREX_BASE_URL}, default Brex production), {@value #OOMNITZA_URL} and
 * {@value #OOMNITZA_API_TOKEN} when they are set, or, when none is, against the testkit's
 * {@link Sandbox} (simulated Brex and Oomnitza on loopback with a synthetic company). Closing closes
 * both clients and stops the sandbox.
 *
 * <p>The builder calls are the ones your own code makes; the {@code brexsync} CLI resolves its
 * connections with more care (command-line flags, integration documents, exit codes).
 *
 * <pre>{@code
 * try (ExampleClients c = ExampleClients.fromEnvironment()) {
 *   c.brex().users().list().stream().limit(5).forEach(System.out::println);
 * }
 * }</pre>
 */
public final class ExampleClients implements AutoCloseable {
  /** Brex API token variable. */
  public static final String BREX_API_TOKEN = "BREX_API_TOKEN";
  /** Brex base URL variable (default {@link BrexClient#PRODUCTION}). */
  public static final String BREX_BASE_URL = "BREX_BASE_URL";
  /** Oomnitza instance URL variable, e.g. {@code https://acme.oomnitza.com}. */
  public static final String OOMNITZA_URL = "OOMNITZA_URL";
  /** Oomnitza API token variable. */
  public static final String OOMNITZA_API_TOKEN = "OOMNITZA_API_TOKEN";

  private final BrexClient brex;
  private final Optional<OomnitzaClient> oomnitza;
  private final Optional<Sandbox> sandbox;

  private ExampleClients(BrexClient brex, Optional<OomnitzaClient> oomnitza, Optional<Sandbox> sandbox) {
    this.brex = brex;
    this.oomnitza = oomnitza;
    this.sandbox = sandbox;
  }

  /** Clients from {@code System.getenv()}, or a sandbox of {@link Sandbox#DEFAULT_USERS} users. */
  public static ExampleClients fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Clients from {@code env}, or a sandbox of {@link Sandbox#DEFAULT_USERS} users when none of the
   * four variables is set.
   *
   * @throws IllegalStateException when {@value #BREX_API_TOKEN} is missing while other variables are set
   */
  public static ExampleClients fromEnvironment(Map<String, String> env) {
    Optional<String> brexToken = get(env, BREX_API_TOKEN);
    Optional<String> brexUrl = get(env, BREX_BASE_URL);
    Optional<String> oomnitzaUrl = get(env, OOMNITZA_URL);
    Optional<String> oomnitzaToken = get(env, OOMNITZA_API_TOKEN);
    if (brexToken.isEmpty() && brexUrl.isEmpty() && oomnitzaUrl.isEmpty() && oomnitzaToken.isEmpty()) {
      return sandbox(Sandbox.DEFAULT_USERS);
    }
    if (brexToken.isEmpty()) {
      throw new IllegalStateException(BREX_API_TOKEN + " is not set: set it (and " + OOMNITZA_URL + ", "
          + OOMNITZA_API_TOKEN + " for Oomnitza), or none of them to use the sandbox");
    }
    BrexClient.Builder b = BrexClient.builder().token(brexToken.get());
    brexUrl.ifPresent(u -> b.baseUri(URI.create(u)));
    BrexClient brex = b.build();
    try {
      Optional<OomnitzaClient> oomnitza = oomnitzaUrl.isPresent() && oomnitzaToken.isPresent()
          ? Optional.of(OomnitzaClient.builder().baseUri(oomnitzaUrl.get()).apiToken(oomnitzaToken.get()).build())
          : Optional.empty();
      return new ExampleClients(brex, oomnitza, Optional.empty());
    } catch (RuntimeException e) {
      brex.close();
      throw e;
    }
  }

  /** Clients of a freshly started sandbox with a company of {@code users} users. */
  public static ExampleClients sandbox(int users) {
    Sandbox s = Sandbox.start(users);
    BrexClient brex = null;
    try {
      brex = BrexClient.builder().baseUri(s.brexUri()).token(s.brexToken()).build();
      OomnitzaClient oomnitza = OomnitzaClient.builder().baseUri(s.oomnitzaUri()).apiToken(s.oomnitzaToken()).build();
      return new ExampleClients(brex, Optional.of(oomnitza), Optional.of(s));
    } catch (RuntimeException e) {
      if (brex != null) {
        brex.close();
      }
      s.close();
      throw e;
    }
  }

  /** Whether these are the sandbox's simulators rather than real systems. */
  public boolean isSandbox() {
    return sandbox.isPresent();
  }

  /** The sandbox, when no variable was set (to look behind the simulated APIs). */
  public Optional<Sandbox> sandbox() {
    return sandbox;
  }

  /** The Brex client. */
  public BrexClient brex() {
    return brex;
  }

  /**
   * The Oomnitza client.
   *
   * @throws IllegalStateException when {@value #OOMNITZA_URL} or {@value #OOMNITZA_API_TOKEN} is not set
   */
  public OomnitzaClient oomnitza() {
    return oomnitza.orElseThrow(() -> new IllegalStateException(
        "Oomnitza is not configured: set " + OOMNITZA_URL + " and " + OOMNITZA_API_TOKEN));
  }

  /** Closes both clients and stops the sandbox, if any. */
  @Override
  public void close() {
    try {
      brex.close();
      oomnitza.ifPresent(OomnitzaClient::close);
    } finally {
      sandbox.ifPresent(Sandbox::close);
    }
  }

  private static Optional<String> get(Map<String, String> env, String name) {
    return Optional.ofNullable(Objects.requireNonNull(env, "env").get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
