package org.brexsync.cli.internal;

/**
 * One-time initialisations a command's first requests need, started where they cost the main thread
 * nothing. {@link #start} starts, on a daemon thread, the JDK's default TLS context (it reads the CA
 * certificates and loads the crypto providers: the largest single cost before a first https request)
 * while the main thread parses the command line and builds the clients; only for the commands that
 * talk to Brex or Oomnitza, never for help or version output, and not when every endpoint is known to
 * be plain http (the sandbox, or {@code http://} URLs on the command line or in the environment): the
 * clients then never make it. {@link #brexJson} makes the Brex client's Jackson mapper and user model,
 * for a thread that waits for a first answer anyway.
 *
 * <p>Nothing else is warmed at start any more: on two cores, threads that made the HTTP client
 * classes and the Jackson mappers beside the main thread delayed the first request (measured with
 * cli's {@code StartupBenchmark}: 371 ms with them, 337 ms without, and 550 ms of CPU instead of 400 ms,
 * with the documented launcher options), because they took the cores the main thread needed. Failures
 * are ignored: the real use repeats the work and reports its own errors.
 */
public final class Warmup {
  private Warmup() {}

  private static final java.util.Set<String> NETWORK_COMMANDS =
      java.util.Set.of("sync", "users", "cards", "workflow", "report", "dashboard", "insights", "integration");

  /**
   * Starts the TLS warm-up when the command line names a command that will make requests and an
   * endpoint may be https; returns whether it was started.
   */
  public static boolean start(String[] args, java.util.Map<String, String> env) {
    boolean tls = warmsTls(args, env);
    if (tls) {
      Thread t = new Thread(Warmup::tls, "brexsync-warmup-tls");
      t.setDaemon(true);
      t.start();
    }
    return tls;
  }

  /** Makes the Brex client's mapper and its reader of users, as reading the first Brex answer would. */
  public static void brexJson() {
    try {
      org.brexsync.brex.internal.Transport.warmUp();
    } catch (RuntimeException | LinkageError e) {
      // only a head start: the real use does the same work and reports its own errors
    }
  }

  private static void tls() {
    try {
      javax.net.ssl.SSLContext.getDefault();
    } catch (Exception | LinkageError e) {
      // only a head start: the first TLS connection makes the context again and reports its errors
    }
  }

  /** Whether a command line, with these environment variables, needs the TLS context warmed. */
  static boolean warmsTls(String[] args, java.util.Map<String, String> env) {
    if (args.length == 0 || !NETWORK_COMMANDS.contains(args[0])) {
      return false;
    }
    boolean config = false;
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V") || a.equals("help")) {
        return false;
      }
      config |= a.equals("--config") || a.startsWith("--config=");
    }
    return mayUseTls(args, env, config);
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
}
