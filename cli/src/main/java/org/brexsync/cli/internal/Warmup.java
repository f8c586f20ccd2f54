package org.brexsync.cli.internal;

/**
 * Starts, on two daemon threads, the slow one-time initialisations the first request will need —
 * the JDK's default TLS context (it reads the CA certificates) and Jackson's mappers with the Brex
 * user model — while the main thread parses the command line and reads the configuration. They are
 * started only for the commands that talk to Brex or Oomnitza, and never for help or version
 * output, which would only pay for them. Failures are ignored: the real use repeats the work and
 * reports its own errors.
 */
public final class Warmup {
  private Warmup() {}

  private static final java.util.Set<String> NETWORK_COMMANDS =
      java.util.Set.of("sync", "users", "cards", "workflow", "report", "dashboard", "insights", "integration");

  /**
   * Starts the warm-up threads when the command line names a command that will make requests;
   * returns how many it started.
   */
  public static int start(String[] args) {
    if (args.length == 0 || !NETWORK_COMMANDS.contains(args[0])) {
      return 0;
    }
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V") || a.equals("help")) {
        return 0;
      }
    }
    thread("brexsync-warmup-tls", () -> {
      javax.net.ssl.SSLContext.getDefault();
      java.net.http.HttpClient.newBuilder();
      java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost/"));
    });
    thread("brexsync-warmup-json", () -> {
      org.brexsync.brex.BrexJson.fromJson(
          "{\"id\":\"cuuser_0\",\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"a@b.example\",\"status\":\"ACTIVE\"}",
          org.brexsync.brex.model.User.class);
      org.brexsync.connector.IntegrationJson.read("{\"name\":\"warmup\"}");
    });
    return 2;
  }

  private static void thread(String name, ThrowingRunnable work) {
    Thread t = new Thread(() -> {
      try {
        work.run();
      } catch (Exception | LinkageError e) {
        // only a head start: the real use does the same work and reports its own errors
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
