package org.brexsync.testkit.internal.brex;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.brexsync.testkit.WebhookDelivery;

/**
 * Signs and delivers webhooks the Standard-Webhooks / Svix way Brex uses: HMAC-SHA256 over
 * {@code id.timestamp.body} with the base64-decoded secret; {@code Webhook-Signature: v1,<b64>}
 * (one space-separated entry per live secret). Deliveries run on one background thread so the
 * API call that triggered them never waits; only loopback targets are contacted.
 */
public final class WebhookDispatcher implements AutoCloseable {
  private final Clock clock;
  private final ExecutorService executor;
  private final HttpClient http;
  private final List<WebhookDelivery> deliveries = new ArrayList<>();
  /** Deliveries queued and deliveries attempted since start (guarded by {@code deliveries}). */
  private long queued;
  private long attempted;

  public WebhookDispatcher(Clock clock) {
    this.clock = clock;
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "brex-sim-webhooks");
      t.setDaemon(true);
      return t;
    });
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1).build();
  }

  /** The signature header value for a message, one {@code v1,} entry per secret. */
  public static String sign(List<String> secrets, String id, long timestamp, String body) {
    StringBuilder sb = new StringBuilder();
    for (String secret : secrets) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
        byte[] sig = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append("v1,").append(Base64.getEncoder().encodeToString(sig));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return sb.toString();
  }

  /** Queues one delivery; returns immediately. */
  public void deliver(String subscriptionId, String url, String eventType, String body, List<String> secrets) {
    String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
    long ts = clock.instant().getEpochSecond();
    String signature = sign(secrets, id, ts, body);
    synchronized (deliveries) {
      queued++;
    }
    try {
      executor.execute(() -> send(subscriptionId, url, eventType, body, id, ts, signature));
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      synchronized (deliveries) {
        queued--; // the simulator is closing: nothing will be sent
        deliveries.notifyAll();
      }
    }
  }

  private void send(String subscriptionId, String url, String eventType, String body, String id, long ts,
      String signature) {
    Integer status = null;
    String error = null;
    try {
      URI uri = URI.create(url);
      if (!isLoopback(uri.getHost())) {
        error = "not delivered: the simulator only calls loopback URLs";
      } else {
        HttpRequest req = HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Webhook-Id", id)
            .header("Webhook-Timestamp", Long.toString(ts))
            .header("Webhook-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = e.toString();
    } catch (Exception e) {
      error = e.toString();
    }
    WebhookDelivery d = WebhookDelivery.builder()
        .subscriptionId(subscriptionId).url(url).webhookId(id).eventType(eventType).body(body)
        .timestamp(ts).signature(signature).status(Optional.ofNullable(status))
        .error(Optional.ofNullable(error)).at(clock.instant()).build();
    synchronized (deliveries) {
      deliveries.add(d);
      attempted++;
      deliveries.notifyAll();
    }
  }

  /**
   * Waits (on a condition, not a sleep) until every delivery queued so far has been attempted;
   * false when the timeout passed first.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (deliveries) {
      while (attempted < queued) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(deliveries, left);
      }
      return true;
    }
  }

  /** Waits (on a condition, not a sleep) until at least {@code count} deliveries completed or the timeout passed. */
  public List<WebhookDelivery> await(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (deliveries) {
      while (deliveries.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(deliveries, left);
      }
      return List.copyOf(deliveries);
    }
  }

  /** Loopback by name or IP literal only: never resolves other names (no DNS lookups from tests). */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  public List<WebhookDelivery> deliveries() {
    synchronized (deliveries) {
      return List.copyOf(deliveries);
    }
  }

  public void clear() {
    synchronized (deliveries) {
      deliveries.clear();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
