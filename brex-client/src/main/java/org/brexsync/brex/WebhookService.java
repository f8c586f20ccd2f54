package org.brexsync.brex;

import java.util.List;
import java.util.Optional;
import org.brexsync.brex.webhook.CreateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.UpdateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.WebhookSecret;
import org.brexsync.brex.webhook.WebhookSubscription;

/** Brex webhook subscriptions and signing secrets ({@code /v1/webhooks}). */
public interface WebhookService {
  /**
   * Lists subscriptions lazily across pages.
   *
   * @return the webhook subscriptions, fetched a page at a time as they are iterated
   */
  default PagedIterable<WebhookSubscription> list() {
    return list(Optional.empty());
  }

  /**
   * Lists subscriptions with a page size (1..1000).
   *
   * @param pageSize the page size
   * @return the webhook subscriptions, fetched a page at a time as they are iterated
   */
  default PagedIterable<WebhookSubscription> list(Optional<Integer> pageSize) {
    return list(pageSize, RequestOptions.defaults());
  }

  /**
   * Lists subscriptions with a page size and per-call options, applied to every page.
   *
   * @param pageSize the page size
   * @param options options of this call only
   * @return the webhook subscriptions, fetched a page at a time as they are iterated
   */
  PagedIterable<WebhookSubscription> list(Optional<Integer> pageSize, RequestOptions options);

  /**
   * Subscribes a URL to event types; always sends an Idempotency-Key (Brex requires one).
   *
   * @param request the request
   * @return the created subscription
   */
  default WebhookSubscription create(CreateWebhookSubscriptionRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /**
   * Creates with per-call options.
   *
   * @param request the request
   * @param options options of this call only
   * @return the created webhook subscription as Brex returns it
   */
  WebhookSubscription create(CreateWebhookSubscriptionRequest request, RequestOptions options);

  /**
   * {@return a subscription}
   *
   * @param id the subscription id
   */
  default WebhookSubscription get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /**
   * {@return a subscription with per-call options}
   *
   * @param id the subscription id
   * @param options options of this call only
   */
  WebhookSubscription get(String id, RequestOptions options);

  /**
   * Replaces a subscription's URL, event types and status ({@code PUT /v1/webhooks/{id}}).
   *
   * @param id the subscription id
   * @param request the request
   * @return the updated webhook subscription
   */
  default WebhookSubscription update(String id, UpdateWebhookSubscriptionRequest request) {
    return update(id, request, RequestOptions.defaults());
  }

  /**
   * Updates with per-call options.
   *
   * @param id the subscription id
   * @param request the request
   * @param options options of this call only
   * @return the updated webhook subscription
   */
  WebhookSubscription update(
      String id, UpdateWebhookSubscriptionRequest request, RequestOptions options);

  /**
   * Deletes a subscription.
   *
   * @param id the subscription id
   */
  default void delete(String id) {
    delete(id, RequestOptions.defaults());
  }

  /**
   * Deletes a subscription with per-call options.
   *
   * @param id the subscription id
   * @param options options of this call only
   */
  void delete(String id, RequestOptions options);

  /** {@return the signing secrets: one, or two during rotation ({@code GET /v1/webhooks/secrets})} */
  default List<WebhookSecret> listSecrets() {
    return listSecrets(RequestOptions.defaults());
  }

  /**
   * {@return the signing secrets with per-call options}
   *
   * @param options options of this call only
   */
  List<WebhookSecret> listSecrets(RequestOptions options);
}
