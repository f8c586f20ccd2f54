package org.brexsync.connector.fakes;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An HttpClient that holds the first two requests matching a method and path prefix until both are
 * in flight (or 10 s pass), and tells whether they ever were: proof of concurrency without timing.
 */
public final class OverlapProbe extends HttpClient {
  private final HttpClient delegate;
  private final String method;
  private final String pathPrefix;
  private final CountDownLatch two = new CountDownLatch(2);
  private final AtomicInteger metTheOther = new AtomicInteger();
  private volatile boolean overlapped;

  public OverlapProbe(HttpClient delegate, String method, String pathPrefix) {
    this.delegate = delegate;
    this.method = method;
    this.pathPrefix = pathPrefix;
  }

  /** Whether two matching requests were in flight at once. */
  public boolean overlapped() {
    return overlapped;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
    if (request.method().equals(method) && request.uri().getPath().startsWith(pathPrefix) && two.getCount() > 0) {
      two.countDown();
      // Both see each other only if the first is still waiting when the second comes.
      if (two.await(10, TimeUnit.SECONDS) && metTheOther.incrementAndGet() == 2) {
        overlapped = true;
      }
    }
    return delegate.send(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return delegate.sendAsync(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    return delegate.sendAsync(request, handler, push);
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
}
