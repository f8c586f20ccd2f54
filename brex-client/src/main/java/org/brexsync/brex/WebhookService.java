package org.brexsync.brex;

import java.util.List;
import java.util.Optional;
import org.brexsync.brex.webhook.CreateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.UpdateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.WebhookSecret;
import org.brexsync.brex.webhook.WebhookSubscription;

/** Brex webhook subscriptions and signing secrets ({@code /v1/webhooks}). */
public interface WebhookService {
  /** Lists subscriptions lazily across pages. */
  default PagedIterable<WebhookSubscription> list() {
    return list(Optional.empty());
  }

  /** Lists subscriptions with a page size (1..1000). */
  default PagedIterable<WebhookSubscription> list(Optional<Integer> pageSize) {
    return list(pageSize, RequestOptions.defaults());
  }

  /** Lists subscriptions with a page size and per-call options, applied to every page. */
  PagedIterable<WebhookSubscription> list(Optional<Integer> pageSize, RequestOptions options);

  /** Subscribes a URL to event types; always sends an Idempotency-Key (Brex requires one). */
  default WebhookSubscription create(CreateWebhookSubscriptionRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /** Creates with per-call options. */
  WebhookSubscription create(CreateWebhookSubscriptionRequest request, RequestOptions options);

  /** Gets a subscription. */
  default WebhookSubscription get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /** Gets a subscription with per-call options. */
  WebhookSubscription get(String id, RequestOptions options);

  /** Replaces a subscription's URL, event types and status ({@code PUT /v1/webhooks/{id}}). */
  default WebhookSubscription update(String id, UpdateWebhookSubscriptionRequest request) {
    return update(id, request, RequestOptions.defaults());
  }

  /** Updates with per-call options. */
  WebhookSubscription update(
      String id, UpdateWebhookSubscriptionRequest request, RequestOptions options);

  /** Deletes a subscription. */
  default void delete(String id) {
    delete(id, RequestOptions.defaults());
  }

  /** Deletes a subscription with per-call options. */
  void delete(String id, RequestOptions options);

  /** The signing secrets: one, or two during rotation ({@code GET /v1/webhooks/secrets}). */
  default List<WebhookSecret> listSecrets() {
    return listSecrets(RequestOptions.defaults());
  }

  /** The signing secrets with per-call options. */
  List<WebhookSecret> listSecrets(RequestOptions options);
}
