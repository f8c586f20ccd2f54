package org.brexsync.examples.programs;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.model.UserStatus;
import org.brexsync.brex.webhook.CreateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.UserUpdatedEvent;
import org.brexsync.brex.webhook.WebhookEventType;
import org.brexsync.brex.webhook.WebhookEvents;
import org.brexsync.brex.webhook.WebhookVerificationException;
import org.brexsync.brex.webhook.WebhookVerifier;
import org.brexsync.examples.ExampleClients;

/**
 * Receives Brex {@code USER_UPDATED} webhooks and verifies their signatures. In the sandbox it
 * subscribes a local endpoint, deactivates a user and prints the verified event; against real Brex
 * it listens on port 8088 for a tunnel you subscribe (e.g. https://example.ngrok.app/brex/webhooks).
 */
public final class ReceiveWebhooks {
  private ReceiveWebhooks() {}

  public static void main(String[] args) throws Exception {
    try (ExampleClients c = ExampleClients.fromEnvironment()) {
      UserUpdatedEvent event = receive(c.brex(), c.isSandbox() ? 0 : 8088, c.isSandbox());
      System.out.println("Verified " + event.eventType() + " of user " + event.userId() + ": " + event.updatedAttributes());
    }
  }

  /** Serves {@code /brex/webhooks} until one verified USER_UPDATED event arrives. */
  public static UserUpdatedEvent receive(BrexClient brex, int port, boolean trigger) throws Exception {
    UserUpdatedEvent[] received = new UserUpdatedEvent[1];
    CountDownLatch done = new CountDownLatch(1);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/brex/webhooks";
    if (trigger) {
      brex.webhooks().create(CreateWebhookSubscriptionRequest.builder().url(url).addEventTypes(WebhookEventType.USER_UPDATED).build());
    }
    // Two secrets are live during a rotation; the verifier accepts either.
    WebhookVerifier verifier = WebhookVerifier.builder().secrets(brex.webhooks().listSecrets()).build();
    server.createContext("/brex/webhooks", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes(); // verify the raw bytes, before parsing
      try {
        verifier.verify(exchange.getRequestHeaders(), body);
        received[0] = WebhookEvents.parseUserUpdated(body);
        exchange.sendResponseHeaders(204, -1);
        done.countDown();
      } catch (WebhookVerificationException e) {
        exchange.sendResponseHeaders(401, -1); // forged, tampered or stale
      }
      exchange.close();
    });
    server.start();
    System.out.println("Listening on " + url);
    try {
      if (trigger) {
        brex.users().deactivate(brex.users().list().stream() // an ACTIVE user other than the admin
            .filter(u -> u.status().orElse(UserStatus.UNKNOWN) == UserStatus.ACTIVE).skip(1).findFirst().orElseThrow().id());
      }
      done.await(trigger ? 30 : Long.MAX_VALUE, TimeUnit.SECONDS);
      return Objects.requireNonNull(received[0], "no webhook arrived");
    } finally {
      server.stop(0);
    }
  }
}
