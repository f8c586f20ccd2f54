package org.brexsync.testkit;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that delegates everything to another one and counts the requests sent
 * through it, so a test can prove that a client it injected is the one actually used (a request
 * that reaches the server proves nothing when the code under test may have built its own client).
 *
 * <pre>{@code
 * CountingHttpClient http = CountingHttpClient.of(HttpClient.newHttpClient());
 * BrexClient brex = BrexClient.builder().token(sim.token()).baseUri(sim.baseUri()).httpClient(http).build();
 * brex.users().me();
 * assertThat(http.sent()).isEqualTo(1);
 * }</pre>
 *
 * <p>Thread-safe when the delegate is.
 */
public final class CountingHttpClient extends HttpClient {
  private final HttpClient delegate;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicReference<HttpRequest> last = new AtomicReference<>();
  /** The latest requests, oldest first; bounded, so a counting client in a long run holds a few only. */
  private final ArrayDeque<HttpRequest> recent = new ArrayDeque<>();

  private CountingHttpClient(HttpClient delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * {@return counts the requests sent through {@code delegate}}
   *
   * @param delegate the delegate
   */
  public static CountingHttpClient of(HttpClient delegate) {
    return new CountingHttpClient(delegate);
  }

  /**
   * Requests passed to {@code send} or {@code sendAsync} so far.
   *
   * @return the long
   */
  public long sent() {
    return sent.get();
  }

  /** {@return the last request sent, if any} */
  public Optional<HttpRequest> lastRequest() {
    return Optional.ofNullable(last.get());
  }

  /**
   * The latest requests sent, oldest first: at most {@value #RECENT} (e.g. to check the timeout each
   * attempt was given).
   *
   * @return a copy
   */
  public List<HttpRequest> recentRequests() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  /** How many requests {@link #recentRequests()} keeps. */
  public static final int RECENT = 64;

  private void count(HttpRequest request) {
    last.set(request);
    sent.incrementAndGet();
    synchronized (recent) {
      if (recent.size() == RECENT) {
        recent.removeFirst();
      }
      recent.addLast(request);
    }
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    count(request);
    return delegate.send(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    count(request);
    return delegate.sendAsync(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    count(request);
    return delegate.sendAsync(request, handler, pushPromiseHandler);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  @Override
  public String toString() {
    return "CountingHttpClient{sent=" + sent.get() + ", delegate=" + delegate + "}";
  }
}
