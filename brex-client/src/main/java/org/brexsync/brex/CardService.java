package org.brexsync.brex;

import org.brexsync.brex.model.Card;
import org.brexsync.brex.model.CardNumber;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.ListCardsRequest;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.SecureEmailRequest;
import org.brexsync.brex.model.TerminateCardRequest;
import org.brexsync.brex.model.UpdateCardRequest;

/** Brex cards ({@code /v2/cards}). Obtain from {@link BrexClient#cards()}. */
public interface CardService {
  /**
   * Lists cards of one user, or all cards, lazily across pages ({@code GET /v2/cards}).
   *
   * @param request the request
   * @return the cards, fetched a page at a time as they are iterated
   */
  default PagedIterable<Card> list(ListCardsRequest request) {
    return list(request, RequestOptions.defaults());
  }

  /**
   * Lists cards with per-call options (timeout, headers), applied to every page.
   *
   * @param request the request
   * @param options options of this call only
   * @return the cards, fetched a page at a time as they are iterated
   */
  PagedIterable<Card> list(ListCardsRequest request, RequestOptions options);

  /**
   * Lists every card lazily.
   *
   * @return the cards, fetched a page at a time as they are iterated
   */
  default PagedIterable<Card> list() {
    return list(ListCardsRequest.all());
  }

  /**
   * {@return a card ({@code GET /v2/cards/{id}})}
   *
   * @param id the card id
   */
  default Card get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /**
   * {@return a card with per-call options}
   *
   * @param id the card id
   * @param options options of this call only
   */
  Card get(String id, RequestOptions options);

  /**
   * Creates a card ({@code POST /v2/cards}) after validating it with {@link BrexValidation}.
   * Always sends an Idempotency-Key (generated unless given), the same on every retry.
   *
   * @param request the request
   * @return the created card as Brex returns it
   * @throws BrexValidationException when the request breaks a rule; nothing is sent
   * @throws BrexCardCreationLimitException when the client-side card-creation budget is used up
   */
  default Card create(CreateCardRequest request) {
    return create(request, RequestOptions.defaults());
  }

  /**
   * Creates a card with per-call options (e.g. a stored Idempotency-Key).
   *
   * @param request the request
   * @param options options of this call only
   * @return the created card as Brex returns it
   */
  Card create(CreateCardRequest request, RequestOptions options);

  /**
   * Updates a vendor card's spend controls or metadata ({@code PUT /v2/cards/{id}}).
   *
   * @param id the card id
   * @param request the request
   * @return the updated card
   */
  default Card update(String id, UpdateCardRequest request) {
    return update(id, request, RequestOptions.defaults());
  }

  /**
   * Updates with per-call options.
   *
   * @param id the card id
   * @param request the request
   * @param options options of this call only
   * @return the updated card
   */
  Card update(String id, UpdateCardRequest request, RequestOptions options);

  /**
   * Locks a card ({@code POST /v2/cards/{id}/lock}); the owner is notified.
   *
   * @param id the card id
   * @param request the request
   * @return the card as Brex returns it
   */
  default Card lock(String id, LockCardRequest request) {
    return lock(id, request, RequestOptions.defaults());
  }

  /**
   * Locks with per-call options.
   *
   * @param id the card id
   * @param request the request
   * @param options options of this call only
   * @return the card as Brex returns it
   */
  Card lock(String id, LockCardRequest request, RequestOptions options);

  /**
   * Unlocks a card ({@code POST /v2/cards/{id}/unlock}, no body).
   *
   * @param id the card id
   * @return the card as Brex returns it
   */
  default Card unlock(String id) {
    return unlock(id, RequestOptions.defaults());
  }

  /**
   * Unlocks with per-call options.
   *
   * @param id the card id
   * @param options options of this call only
   * @return the card as Brex returns it
   */
  Card unlock(String id, RequestOptions options);

  /**
   * Terminates a card for good ({@code POST /v2/cards/{id}/terminate}); the owner is notified.
   *
   * @param id the card id
   * @param request the request
   * @return the card as Brex returns it
   */
  default Card terminate(String id, TerminateCardRequest request) {
    return terminate(id, request, RequestOptions.defaults());
  }

  /**
   * Terminates with per-call options.
   *
   * @param id the card id
   * @param request the request
   * @param options options of this call only
   * @return the card as Brex returns it
   */
  Card terminate(String id, TerminateCardRequest request, RequestOptions options);

  /**
   * {@return card number, CVV and expiry ({@code GET /v2/cards/{id}/pan}, scope {@code cards.pan}), sent
   * to the card-number base URI} The result masks number and CVV in {@code toString}.
   *
   * @param id the card id
   */
  default CardNumber getNumber(String id) {
    return getNumber(id, RequestOptions.defaults());
  }

  /**
   * {@return the card number with per-call options}
   *
   * @param id the card id
   * @param options options of this call only
   */
  CardNumber getNumber(String id, RequestOptions options);

  /**
   * Emails the card details as a secure link ({@code POST /v2/cards/{id}/secure_email}; gated by
   * Brex). Always sends an Idempotency-Key.
   *
   * @param id the card id
   * @param request the request
   */
  default void sendSecureEmail(String id, SecureEmailRequest request) {
    sendSecureEmail(id, request, RequestOptions.defaults());
  }

  /**
   * Sends the secure email with per-call options.
   *
   * @param id the card id
   * @param request the request
   * @param options options of this call only
   */
  void sendSecureEmail(String id, SecureEmailRequest request, RequestOptions options);
}
