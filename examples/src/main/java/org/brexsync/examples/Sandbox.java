package org.brexsync.examples;

import java.net.URI;
import java.time.Duration;
import java.util.stream.IntStream;
import org.brexsync.brex.BrexClient;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.OomnitzaSimulator;
import org.brexsync.testkit.SyntheticCompany;

/**
 * The built-in sandbox: the testkit's Brex and Oomnitza simulators, in-process on loopback, seeded
 * with a synthetic company (users with departments, locations, titles, managers and cards). The
 * Oomnitza side already holds every third person (as an HR import would have put them there), so a
 * first sync both creates and updates people. Oomnitza also knows the custom fields the Brex workflow
 * presets write back ({@link #WORKFLOW_FIELDS}).
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(500)) {
 *   BrexClient brex = sandbox.brexClient();
 *   System.out.println(brex.users().me().email());
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
  /** Users of the default sandbox company. */
  public static final int DEFAULT_USERS = 500;
  /** Seed of the sandbox company: the same company every time. */
  public static final long SEED = 42L;

  /**
   * Custom Oomnitza user fields the sandbox registers besides {@code brex_user_id}: the fields the
   * Brex workflow presets write their results back to.
   */
  public static final java.util.List<String> WORKFLOW_FIELDS =
      java.util.List.of("api_response", "brex_status", "brex_user_card_id", "brex_card_status");

  private final SyntheticCompany company;
  private final BrexSimulator brex;
  private final OomnitzaSimulator oomnitza;

  private Sandbox(int users, int brexPort, int oomnitzaPort, boolean preloadOomnitza) {
    if (users < 1 || users > 100_000) {
      throw new ConfigurationException("sandbox users must be within 1..100000, got " + users);
    }
    this.company = SyntheticCompany.of(CompanySpec.of(SEED, users));
    // The simulator enforces Brex's documented 1000 requests/minute; the sandbox is for trying
    // things quickly, so it allows more.
    this.brex = BrexSimulator.builder().company(company).port(brexPort)
        .rateLimit(100_000, Duration.ofMinutes(1)).start();
    OomnitzaSimulator o;
    try {
      OomnitzaSimulator.Builder ob = OomnitzaSimulator.builder().port(oomnitzaPort);
      WORKFLOW_FIELDS.forEach(f -> ob.customField(f, false));
      o = ob.start();
    } catch (RuntimeException e) {
      brex.close();
      throw e;
    }
    this.oomnitza = o;
    if (preloadOomnitza) {
      oomnitza.seedUsers(IntStream.range(1, users).filter(i -> i % 3 == 0).mapToObj(company::oomnitzaUser));
    }
  }

  /** Starts a sandbox with {@link #DEFAULT_USERS} users. */
  public static Sandbox start() {
    return start(DEFAULT_USERS);
  }

  /** Starts a sandbox with a company of {@code users} users (1..100,000) on random free ports. */
  public static Sandbox start(int users) {
    return new Sandbox(users, 0, 0, true);
  }

  /**
   * Starts a sandbox on given ports (0 = any free port).
   *
   * @param preloadOomnitza whether Oomnitza already holds every third person
   */
  public static Sandbox start(int users, int brexPort, int oomnitzaPort, boolean preloadOomnitza) {
    return new Sandbox(users, brexPort, oomnitzaPort, preloadOomnitza);
  }

  /** The synthetic company behind the Brex simulator. */
  public SyntheticCompany company() {
    return company;
  }

  /** The Brex simulator (to look behind the API, e.g. to accept an invite). */
  public BrexSimulator brex() {
    return brex;
  }

  /** The Oomnitza simulator. */
  public OomnitzaSimulator oomnitza() {
    return oomnitza;
  }

  /** Base URL of the simulated Brex API. */
  public URI brexUri() {
    return brex.baseUri();
  }

  /** Base URL of the simulated Oomnitza instance. */
  public URI oomnitzaUri() {
    return oomnitza.baseUri();
  }

  /** The simulated Brex API token. */
  public String brexToken() {
    return brex.token();
  }

  /** The simulated Oomnitza API token. */
  public String oomnitzaToken() {
    return oomnitza.apiToken();
  }

  /** Number of cards the company holds. */
  public long cardCount() {
    return IntStream.range(0, company.size()).mapToLong(company::cardCount).sum();
  }

  /** A Brex client for the simulator. */
  public BrexClient brexClient() {
    return BrexClient.builder().baseUri(brexUri()).token(brexToken()).build();
  }

  /** An Oomnitza client for the simulator. */
  public OomnitzaClient oomnitzaClient() {
    return OomnitzaClient.builder().baseUri(oomnitzaUri()).apiToken(oomnitzaToken()).build();
  }

  /** Stops both simulators. */
  @Override
  public void close() {
    try {
      brex.close();
    } finally {
      oomnitza.close();
    }
  }

  @Override
  public String toString() {
    return "Sandbox{brex=" + brexUri() + ", oomnitza=" + oomnitzaUri() + ", users=" + company.size() + "}";
  }
}
