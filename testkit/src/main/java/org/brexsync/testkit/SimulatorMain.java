package org.brexsync.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs both simulators standalone until the process is stopped (the sandbox behind the CLI).
 *
 * <pre>
 * ./mvnw -q -pl testkit exec:java -Dexec.mainClass=org.brexsync.testkit.SimulatorMain \
 *   -Dexec.args="--users 1000 --brex-port 8081 --oomnitza-port 8082"
 * </pre>
 *
 * Options: {@code --users N} (seed a generated company of N users; default 0 = only the admin),
 * {@code --oomnitza-users M} (the first M of them already exist in Oomnitza),
 * {@code --seed S} (42), {@code --brex-port P}, {@code --oomnitza-port P} (0 = random),
 * {@code --brex-token T}, {@code --oomnitza-token T}, {@code --latency-ms L} (added to every
 * request of both), {@code --no-rate-limit}. The sandbox tokens are printed on start; they are
 * not secrets.
 */
public final class SimulatorMain {

  private SimulatorMain() {}

  /**
   * Starts both simulators and blocks.
   *
   * @param args the command-line arguments (see the class comment)
   * @throws InterruptedException when the thread is interrupted while blocking
   */
  public static void main(String[] args) throws InterruptedException {
    int users = 0;
    int oomnitzaUsers = 0;
    long seed = 42;
    int brexPort = 0;
    int oomPort = 0;
    String brexToken = "bxt_sandbox";
    String oomToken = "oomnitza_sandbox";
    long latency = 0;
    boolean rateLimit = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--no-rate-limit")) {
        rateLimit = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--users": users = Integer.parseInt(v); break;
        case "--oomnitza-users": oomnitzaUsers = Integer.parseInt(v); break;
        case "--seed": seed = Long.parseLong(v); break;
        case "--brex-port": brexPort = Integer.parseInt(v); break;
        case "--oomnitza-port": oomPort = Integer.parseInt(v); break;
        case "--brex-token": brexToken = v; break;
        case "--oomnitza-token": oomToken = v; break;
        case "--latency-ms": latency = Long.parseLong(v); break;
        default: throw new IllegalArgumentException("unknown option " + a);
      }
    }
    BrexSimulator.Builder bb = BrexSimulator.builder().port(brexPort).token(brexToken);
    SyntheticCompany company = users > 0 ? SyntheticCompany.generate(seed, users) : null;
    if (company != null) {
      bb.company(company);
    }
    if (!rateLimit) {
      bb.rateLimit(0, Duration.ofSeconds(60));
    }
    BrexSimulator brex = bb.start();
    OomnitzaSimulator oomnitza = OomnitzaSimulator.builder().port(oomPort).apiToken(oomToken).start();
    if (company != null && oomnitzaUsers > 0) {
      oomnitza.seedUsers(company.oomnitzaUsers().limit(Math.min(oomnitzaUsers, users)));
    }
    if (latency > 0) {
      brex.faults().latency(Duration.ofMillis(latency));
      oomnitza.faults().latency(Duration.ofMillis(latency));
    }
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      brex.close();
      oomnitza.close();
      stop.countDown();
    }));
    System.out.println("Brex simulator:     " + brex.baseUri() + "  (Authorization: Bearer " + brexToken + ", "
        + brex.userCount() + " users)");
    System.out.println("Oomnitza simulator: " + oomnitza.baseUri() + "  (Authorization2: " + oomToken + "; login "
        + OomnitzaSimulator.DEFAULT_USERNAME + " / " + OomnitzaSimulator.DEFAULT_PASSWORD + ", "
        + oomnitza.userCount() + " users)");
    System.out.println("Press Ctrl-C to stop.");
    stop.await();
  }
}
