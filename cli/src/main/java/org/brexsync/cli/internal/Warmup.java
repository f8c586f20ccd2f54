package org.brexsync.cli.internal;

/**
 * Starts, on two daemon threads, the slow one-time initialisations the first request will need —
 * the JDK's HTTP client classes, the JDK's default TLS context (it reads the CA certificates) when
 * an endpoint may be https, and the Brex client's Jackson mapper with its user model — while the
 * main thread parses the command line and reads the configuration. They are started only for the
 * commands that talk to Brex or Oomnitza, and never for help or version output, which would only pay
 * for them. The TLS context is left alone when every endpoint is known to be plain http (the
 * sandbox, or {@code http://} URLs on the command line or in the environment): the clients then
 * never make it. The integration document's mapper is warmed only when a {@code --config} document
 * will be read before the first request: the built-in integration needs no JSON, and warming it
 * anyway took CPU from the start on a busy machine. Failures are ignored: the real use repeats the
 * work and reports its own errors.
 */
public final class Warmup {
  private Warmup() {}

  private static final java.util.Set<String> NETWORK_COMMANDS =
      java.util.Set.of("sync", "users", "cards", "workflow", "report", "dashboard", "insights", "integration");

  /** What {@link #start} warms up. */
  public enum Task {
    /** The JDK's HTTP client classes. */
    HTTP,
    /** The JDK's default TLS context, when an endpoint may be https. */
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
  public static java.util.Set<Task> start(String[] args, java.util.Map<String, String> env) {
    java.util.Set<Task> tasks = tasks(args, env);
    if (tasks.isEmpty()) {
      return tasks;
    }
    thread("brexsync-warmup-http", () -> {
      if (tasks.contains(Task.TLS)) {
        javax.net.ssl.SSLContext.getDefault();
      }
      // a throwaway client: the clients' own are then built without loading and initialising the
      // JDK's HTTP client classes on the main thread (its selector thread ends with it)
      java.net.http.HttpClient.newBuilder().sslContext(org.brexsync.http.internal.DeferredTls.context()).build();
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

  /** What a command line, with these environment variables, needs warmed before its first request. */
  static java.util.Set<Task> tasks(String[] args, java.util.Map<String, String> env) {
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
    java.util.Set<Task> tasks = java.util.EnumSet.of(Task.HTTP, Task.BREX_JSON);
    if (config) {
      tasks.add(Task.INTEGRATION_JSON);
    }
    if (mayUseTls(args, env, config)) {
      tasks.add(Task.TLS);
    }
    return tasks;
  }

  /**
   * False when every endpoint is known to be plain http: the sandbox (no credentials or URL at all, and
   * no integration document, which may name variables and endpoints of its own) or {@code http://}
   * URLs for both Brex and Oomnitza from the command line or the environment, which win over a
   * document (the order {@code Connections} follows). True otherwise, e.g. for the default Brex
   * production URL.
   */
  private static boolean mayUseTls(String[] args, java.util.Map<String, String> env, boolean config) {
    String brex = flag(args, "--brex-url");
    if (brex == null) {
      brex = set(env, "BREX_BASE_URL");
    }
    String oomnitza = flag(args, "--oomnitza-url");
    if (oomnitza == null) {
      oomnitza = set(env, "OOMNITZA_URL");
    }
    boolean anyBrex = brex != null || set(env, "BREX_API_TOKEN") != null;
    boolean anyOomnitza = oomnitza != null || set(env, "OOMNITZA_API_TOKEN") != null;
    if (!anyBrex && !anyOomnitza && !config) {
      return false; // the sandbox
    }
    return !(plainHttp(brex) && plainHttp(oomnitza));
  }

  private static boolean plainHttp(String url) {
    return url != null && url.regionMatches(true, 0, "http://", 0, 7);
  }

  /** The value of {@code --name VALUE} or {@code --name=VALUE}, or null. */
  private static String flag(String[] args, String name) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(name) && i + 1 < args.length) {
        return args[i + 1].trim();
      }
      if (args[i].startsWith(name + "=")) {
        return args[i].substring(name.length() + 1).trim();
      }
    }
    return null;
  }

  private static String set(java.util.Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
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
