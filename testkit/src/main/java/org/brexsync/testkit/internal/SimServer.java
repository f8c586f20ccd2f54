package org.brexsync.testkit.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.brexsync.testkit.FaultInjector;
import org.brexsync.testkit.RecordedCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer both simulators share: a JDK {@link HttpServer} on loopback, routing, vendor
 * error bodies, guards (auth, rate limits), fault injection, a bounded request log and counters.
 */
public final class SimServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);
  private static final String UNMATCHED = "<unmatched>";

  static {
    // The JDK server writes headers and body in two writes; without TCP_NODELAY, Nagle plus
    // delayed ACKs stall keep-alive connections by ~40 ms per response. Read once by the JDK.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Everything a simulator plugs into the shared layer. */
  public static final class Config {
    public String name = "sim";
    public InetAddress address = InetAddress.getLoopbackAddress();
    public int port;
    public int threads = 32;
    public int requestLogLimit = 10_000;
    public Clock clock = Clock.systemUTC();
    public FaultInjector faults = new FaultInjector();
    /** Vendor error body for a status and message. */
    public BiFunction<Integer, String, ApiException> errors;
    /** The vendor's answer to an injected 429. */
    public Supplier<SimResponse> rateLimited;
    /** Checks run after routing and before the handler; a non-null response short-circuits. */
    public final List<Function<SimRequest, SimResponse>> guards = new ArrayList<>();
    /** Headers added to every response, including faults and errors. */
    public Consumer<Headers> decorate = h -> { };
  }

  private final Config config;
  private final Router router;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ArrayDeque<Entry> log = new ArrayDeque<>();

  /** What the log keeps per call; turned into a {@link RecordedCall} only when asked for. */
  private static final class Entry {
    final SimRequest req;
    final String template;
    final int status;
    final String fault;
    final java.time.Instant at;

    Entry(SimRequest req, String template, int status, String fault, java.time.Instant at) {
      this.req = req;
      this.template = template;
      this.status = status;
      this.fault = fault;
      this.at = at;
    }

    RecordedCall toCall() {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      req.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      return RecordedCall.builder()
          .method(req.method())
          .path(req.path())
          .query(Optional.ofNullable(req.rawQuery()))
          .endpoint(Optional.ofNullable(template))
          .headers(headers)
          .body(req.bodyText())
          .status(status)
          .fault(Optional.ofNullable(fault))
          .at(at)
          .build();
    }
  }
  private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();
  private volatile boolean logEnabled = true;

  public SimServer(Config config, Router router) throws IOException {
    this.config = config;
    this.router = router;
    this.server = HttpServer.create(new InetSocketAddress(config.address, config.port), 1024);
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(config.threads, config.threads, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, config.name + "-http-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public void start() {
    server.start();
    LOG.debug("{} listening on {}", config.name, baseUri());
  }

  public URI baseUri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public FaultInjector faults() {
    return config.faults;
  }

  public Clock clock() {
    return config.clock;
  }

  /** Turns the request log off (counters stay on), e.g. for long benchmarks. */
  public void recordRequests(boolean enabled) {
    this.logEnabled = enabled;
  }

  public List<RecordedCall> requests() {
    List<Entry> entries;
    synchronized (log) {
      entries = new ArrayList<>(log);
    }
    List<RecordedCall> out = new ArrayList<>(entries.size());
    entries.forEach(e -> out.add(e.toCall()));
    return List.copyOf(out);
  }

  /** Requests served for a route template, e.g. {@code count("GET", "/v2/users/{id}")}. */
  public long count(String method, String template) {
    LongAdder a = counters.get(method.toUpperCase(Locale.ROOT) + " " + template);
    return a == null ? 0 : a.sum();
  }

  /** All counters, keyed by {@code "METHOD template"}, sorted. */
  public Map<String, Long> counters() {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public void resetLog() {
    synchronized (log) {
      log.clear();
    }
    counters.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---------------------------------------------------------------- request handling

  private void handle(HttpExchange ex) {
    String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
    URI uri = ex.getRequestURI();
    String rawPath = uri.getRawPath();
    String path = SimRequest.decode(rawPath.replace("+", "%2B"));
    int status = 0;
    String template = null;
    FaultInjector.Decision decision = null;
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    } catch (IOException e) {
      ex.close();
      return;
    }
    SimRequest req = new SimRequest(method, path, uri.getRawQuery(), ex.getRequestHeaders(), body);
    req.errors(config.errors);
    boolean recorded = false;
    try {
      Router.Match match = router.match(method, rawPath);
      if (match.route != null) {
        template = match.route.template;
        req.bind(template, match.params);
      }
      decision = config.faults.decide(method, path, template);
      if (decision.latencyMillis() > 0) {
        Thread.sleep(decision.latencyMillis());
      }
      FaultInjector.Kind kind = decision.kind();
      if (kind == FaultInjector.Kind.RESET_BEFORE) {
        record(req, template, 0, decision);
        recorded = true;
        ex.close();
        return;
      }
      SimResponse response;
      if (kind == FaultInjector.Kind.ERROR) {
        response = errorResponse(config.errors.apply(decision.status(), reason(decision.status())));
      } else if (kind == FaultInjector.Kind.RATE_LIMITED) {
        response = config.rateLimited.get();
      } else {
        response = process(req, match);
      }
      status = response.status;
      // Record before answering: a client that got its answer must find its call in the log.
      record(req, template, status, decision);
      recorded = true;
      send(ex, response, decision);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("{} failed to answer {} {}: {}", config.name, method, path, e.toString());
      ex.close();
    } finally {
      if (!recorded) {
        record(req, template, status, decision);
      }
    }
  }

  private SimResponse process(SimRequest req, Router.Match match) {
    try {
      for (Function<SimRequest, SimResponse> guard : config.guards) {
        SimResponse r = guard.apply(req);
        if (r != null) {
          return r;
        }
      }
      if (match.route == null) {
        if (match.pathKnown) {
          return errorResponse(config.errors.apply(405, "Method Not Allowed"));
        }
        return errorResponse(config.errors.apply(404, "Not Found"));
      }
      return match.route.handler.handle(req);
    } catch (ApiException e) {
      return errorResponse(e);
    } catch (Exception e) {
      LOG.warn("{} handler failed for {} {}", config.name, req.method(), req.path(), e);
      return errorResponse(config.errors.apply(500, "Internal Server Error"));
    }
  }

  private static SimResponse errorResponse(ApiException e) {
    return SimResponse.json(e.status(), e.body());
  }

  private void send(HttpExchange ex, SimResponse r, FaultInjector.Decision d) throws IOException, InterruptedException {
    FaultInjector.Kind kind = d.kind();
    if (kind == FaultInjector.Kind.RESET_AFTER) {
      ex.close();
      return;
    }
    Headers h = ex.getResponseHeaders();
    config.decorate.accept(h);
    if (r.contentType != null) {
      h.set("Content-Type", r.contentType);
    }
    r.headers.forEach(h::set);
    byte[] body = r.body;
    if (kind == FaultInjector.Kind.MALFORMED) {
      body = malformed(body);
      h.set("Content-Type", "application/json");
    }
    boolean noBody = body.length == 0 && kind != FaultInjector.Kind.TRUNCATE;
    ex.sendResponseHeaders(r.status, noBody ? -1 : (kind == FaultInjector.Kind.TRUNCATE ? Math.max(body.length, 16) : body.length));
    if (noBody) {
      ex.close();
      return;
    }
    OutputStream os = ex.getResponseBody();
    if (kind == FaultInjector.Kind.TRUNCATE) {
      os.write(body, 0, body.length / 2);
      os.flush();
      ex.close(); // fewer bytes than announced: the JDK closes the connection
      return;
    }
    if (kind == FaultInjector.Kind.SLOW_BODY) {
      int chunks = Math.min(10, body.length);
      long pause = d.slowBodyMillis() / Math.max(1, chunks);
      int off = 0;
      for (int i = 0; i < chunks; i++) {
        int len = (body.length - off) / (chunks - i);
        os.write(body, off, len);
        os.flush();
        off += len;
        if (i < chunks - 1) {
          Thread.sleep(pause);
        }
      }
      os.close();
      return;
    }
    os.write(body);
    os.close();
  }

  private static byte[] malformed(byte[] body) {
    if (body.length < 2) {
      return "{\"items\": [".getBytes(StandardCharsets.UTF_8);
    }
    byte[] half = Arrays.copyOf(body, Math.max(1, body.length / 2));
    return half;
  }

  private void record(SimRequest req, String template, int status, FaultInjector.Decision d) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} {} -> {}{}", config.name, req.method(), req.path(), status,
          d == null || d.kind() == null ? "" : " (fault " + d.kind() + ")");
    }
    counters.computeIfAbsent(req.method() + " " + (template == null ? UNMATCHED : template), k -> new LongAdder())
        .increment();
    if (!logEnabled) {
      return;
    }
    boolean dropped = d != null && (d.kind() == FaultInjector.Kind.RESET_AFTER || d.kind() == FaultInjector.Kind.RESET_BEFORE);
    Entry call = new Entry(req, template, dropped ? 0 : status,
        d == null || d.kind() == null ? null : d.kind().name(), config.clock.instant());
    synchronized (log) {
      log.addLast(call);
      while (log.size() > config.requestLogLimit) {
        log.removeFirst();
      }
    }
  }

  static String reason(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 409: return "Conflict";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return "HTTP " + status;
    }
  }
}
