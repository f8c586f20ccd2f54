package org.brexsync.connector.workflow;

/**
 * The Brex Team API operation an {@link ApiBlock} calls, when it calls Brex. Naming it makes the
 * block as strict as brex-client before anything is sent: every value placed in the path or query
 * must look like a Brex id (letters, digits, {@code _} and {@code -}), and the rendered body is read
 * into brex-client's request type and checked with {@link org.brexsync.brex.BrexValidation}.
 */
public enum BrexOperation {
  /** {@code GET /v2/users/{id}}. */
  GET_USER,
  /** {@code POST /v2/users} with an {@code InviteUserRequest}. */
  INVITE_USER,
  /** {@code PUT /v2/users/{id}} with an {@code UpdateUserRequest} (e.g. {@code status}). */
  UPDATE_USER,
  /** {@code GET /v2/cards?user_id=...}. */
  LIST_CARDS,
  /** {@code POST /v2/cards/{id}/lock} with a {@code LockCardRequest}. */
  LOCK_CARD,
  /** {@code POST /v2/cards/{id}/terminate} with a {@code TerminateCardRequest}. */
  TERMINATE_CARD,
  /** {@code POST /v2/cards} with a {@code CreateCardRequest}. */
  CREATE_CARD
}
