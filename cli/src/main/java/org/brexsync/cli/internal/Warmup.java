package org.brexsync.cli.internal;

/**
 * Starts, on two daemon threads, the slow one-time initialisations the first request will need —
 * the JDK's default TLS context (it reads the CA certificates; the JDK's HTTP client builds it even
 * for plain-http endpoints) and the Brex client's Jackson mapper with its user model — while the
 * main thread parses the command line and reads the configuration. They are started only for the
 * commands that talk to Brex or Oomnitza, and never for help or version output, which would only pay
 * for them. The integration document's mapper is warmed only when a {@code --config} document will be
 * read before the first request: the built-in integration needs no JSON, and warming it anyway took
 * CPU from the start on a busy machine. Failures are ignored: the real use repeats the work and
 * reports its own errors.
 */
public final class Warmup {
  private Warmup() {}

  private static final java.util.Set<String> NETWORK_COMMANDS =
      java.util.Set.of("sync", "users", "cards", "workflow", "report", "dashboard", "insights", "integration");

  /** What {@link #start} warms up. */
  public enum Task {
    /** The JDK's default TLS context and HTTP client classes. */
    TLS,
    /** The Brex client's mapper and user model, for the first response. */
    BREX_JSON,
    /** The integration document's mapper, for {@code --config FILE}. */
    INTEGRATION_JSON
  }

  /**
   * Starts the warm-up threads when the command line names a command that will make requests;
   * returns what they warm up (empty when none was started).
   */
  public static java.util.Set<Task> start(String[] args) {
    java.util.Set<Task> tasks = tasks(args);
    if (tasks.isEmpty()) {
      return tasks;
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
      if (tasks.contains(Task.INTEGRATION_JSON)) {
        org.brexsync.connector.IntegrationJson.read("{\"name\":\"warmup\"}");
      }
    });
    return tasks;
  }

  /** What a command line needs warmed before its first request. */
  static java.util.Set<Task> tasks(String[] args) {
    if (args.length == 0 || !NETWORK_COMMANDS.contains(args[0])) {
      return java.util.Set.of();
    }
    boolean config = false;
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V") || a.equals("help")) {
        return java.util.Set.of();
      }
      config |= a.equals("--config") || a.startsWith("--config=");
    }
    return config ? java.util.EnumSet.allOf(Task.class) : java.util.EnumSet.of(Task.TLS, Task.BREX_JSON);
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
