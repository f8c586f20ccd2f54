package org.brexsync.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The sandbox: both simulators, in-process on loopback, with Brex seeded with a synthetic company
 * (users with departments, locations, titles, managers and cards) and Oomnitza already holding
 * every third person (as an HR import would have put them there), so a first sync both creates
 * and updates people. The {@code brexsync} CLI and the example programs run against it when no
 * credentials are set; your own tests and demos can too.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(500)) {
 *   BrexClient brex = BrexClient.builder().baseUri(sandbox.brexUri()).token(sandbox.brexToken()).build();
 *   System.out.println(brex.users().me().email());
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
  /** Users of the default sandbox company. */
  public static final int DEFAULT_USERS = 500;
  /** Seed of the sandbox company: the same company every time. */
  public static final long SEED = 42L;
  /** The largest sandbox company. */
  public static final int MAX_USERS = 100_000;

  private final SyntheticCompany company;
  private final BrexSimulator brex;
  private final OomnitzaSimulator oomnitza;

  private Sandbox(Builder b) {
    this.company = SyntheticCompany.of(CompanySpec.of(SEED, b.users));
    // The simulator enforces Brex's documented 1000 requests/minute; the sandbox is for trying
    // things quickly, so it allows more.
    this.brex = BrexSimulator.builder().company(company).port(b.brexPort)
        .rateLimit(100_000, Duration.ofMinutes(1)).start();
    OomnitzaSimulator o;
    try {
      OomnitzaSimulator.Builder ob = OomnitzaSimulator.builder().port(b.oomnitzaPort);
      b.customFields.forEach(f -> ob.customField(f, false));
      o = ob.start();
    } catch (RuntimeException e) {
      brex.close();
      throw e;
    }
    this.oomnitza = o;
    if (b.preloadOomnitza) {
      oomnitza.seedUsers(IntStream.range(1, b.users).filter(i -> i % 3 == 0).mapToObj(company::oomnitzaUser));
    }
  }

  /**
   * Starts a sandbox with {@link #DEFAULT_USERS} users on random free ports.
   *
   * @return the sandbox
   */
  public static Sandbox start() {
    return start(DEFAULT_USERS);
  }

  /**
   * Starts a sandbox with a company of {@code users} users on random free ports.
   *
   * @param users the users
   * @return the sandbox
   * @throws IllegalArgumentException unless {@code users} is within 1..{@value #MAX_USERS}
   */
  public static Sandbox start(int users) {
    return builder().users(users).start();
  }

  /** {@return a builder for ports, size, custom Oomnitza fields and whether Oomnitza starts with people} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the synthetic company behind the Brex simulator} */
  public SyntheticCompany company() {
    return company;
  }

  /** {@return the Brex simulator (to look behind the API, e.g. to accept an invite)} */
  public BrexSimulator brex() {
    return brex;
  }

  /** {@return the Oomnitza simulator} */
  public OomnitzaSimulator oomnitza() {
    return oomnitza;
  }

  /** {@return base URL of the simulated Brex API} */
  public URI brexUri() {
    return brex.baseUri();
  }

  /** {@return base URL of the simulated Oomnitza instance} */
  public URI oomnitzaUri() {
    return oomnitza.baseUri();
  }

  /** {@return the simulated Brex API token (not a secret)} */
  public String brexToken() {
    return brex.token();
  }

  /** {@return the simulated Oomnitza API token (not a secret)} */
  public String oomnitzaToken() {
    return oomnitza.apiToken();
  }

  /** {@return number of cards the company holds} */
  public long cardCount() {
    return IntStream.range(0, company.size()).mapToLong(company::cardCount).sum();
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

  /** Configures a {@link Sandbox}. */
  public static final class Builder {
    private int users = DEFAULT_USERS;
    private int brexPort;
    private int oomnitzaPort;
    private boolean preloadOomnitza = true;
    private final List<String> customFields = new ArrayList<>();

    private Builder() {}

    /**
     * Users of the synthetic company, 1..{@value #MAX_USERS} (default {@value #DEFAULT_USERS}).
     *
     * @param users users of the synthetic company, 1..{@value #MAX_USERS} (default {@value #DEFAULT_USERS})
     * @return this builder
     */
    public Builder users(int users) {
      if (users < 1 || users > MAX_USERS) {
        throw new IllegalArgumentException("sandbox users must be within 1.." + MAX_USERS + ", got " + users);
      }
      this.users = users;
      return this;
    }

    /**
     * Port of simulated Brex (default 0: any free port).
     *
     * @param port port of simulated Brex (default 0: any free port)
     * @return this builder
     */
    public Builder brexPort(int port) {
      this.brexPort = port(port);
      return this;
    }

    /**
     * Port of simulated Oomnitza (default 0: any free port).
     *
     * @param port port of simulated Oomnitza (default 0: any free port)
     * @return this builder
     */
    public Builder oomnitzaPort(int port) {
      this.oomnitzaPort = port(port);
      return this;
    }

    /**
     * Whether Oomnitza starts holding every third person (default true); false starts it empty.
     *
     * @param preload whether Oomnitza starts holding every third person (default true); false starts it empty
     * @return this builder
     */
    public Builder preloadOomnitza(boolean preload) {
      this.preloadOomnitza = preload;
      return this;
    }

    /**
     * A custom string field Oomnitza's users data model knows besides {@code brex_user_id}, e.g. a
     * field a workflow writes its results back to.
     *
     * @param externalId a custom string field Oomnitza's users data model knows besides {@code
     *     brex_user_id}, e.g. a field a workflow writes its results back to
     * @return this builder
     */
    public Builder customField(String externalId) {
      customFields.add(Objects.requireNonNull(externalId, "externalId"));
      return this;
    }

    /**
     * Starts both simulators.
     *
     * @return the sandbox
     * @throws java.io.UncheckedIOException when a port cannot be bound
     */
    public Sandbox start() {
      return new Sandbox(this);
    }

    private static int port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("ports must be within 0..65535, got " + port);
      }
      return port;
    }
  }
}
