package org.brexsync.brex;

import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.ListUsersRequest;
import org.brexsync.brex.model.SetUserLimitRequest;
import org.brexsync.brex.model.UpdateUserRequest;
import org.brexsync.brex.model.User;
import org.brexsync.brex.model.UserLimit;

/** Brex users ({@code /v2/users}). Obtain from {@link BrexClient#users()}. */
public interface UserService {
  /** Lists users lazily across pages ({@code GET /v2/users}). */
  default PagedIterable<User> list(ListUsersRequest request) {
    return list(request, RequestOptions.defaults());
  }

  /** Lists users with per-call options (timeout, headers), applied to every page. */
  PagedIterable<User> list(ListUsersRequest request, RequestOptions options);

  /** Lists every user lazily. */
  default PagedIterable<User> list() {
    return list(ListUsersRequest.all());
  }

  /**
   * Gets a user by id ({@code GET /v2/users/{id}}).
   *
   * @throws BrexValidationException when {@code id} cannot be a path segment; nothing is sent
   */
  default User get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /** Gets a user with per-call options. */
  User get(String id, RequestOptions options);

  /** The user the token belongs to ({@code GET /v2/users/me}). */
  default User me() {
    return me(RequestOptions.defaults());
  }

  /** The token's user with per-call options. */
  User me(RequestOptions options);

  /** Invites a user as an employee ({@code POST /v2/users}). */
  default User invite(InviteUserRequest request) {
    return invite(request, RequestOptions.defaults());
  }

  /** Invites a user with per-call options. */
  User invite(InviteUserRequest request, RequestOptions options);

  /** Partially updates a user ({@code PUT /v2/users/{id}}); unchanged fields are not sent. */
  default User update(String id, UpdateUserRequest request) {
    return update(id, request, RequestOptions.defaults());
  }

  /** Partially updates a user with per-call options. */
  User update(String id, UpdateUserRequest request, RequestOptions options);

  /** Sets the user's status to {@code ACTIVE} (unsuspends); {@code PUT /v2/users/{id}}. */
  default User activate(String id) {
    return activate(id, RequestOptions.defaults());
  }

  /** Activates with per-call options. */
  User activate(String id, RequestOptions options);

  /**
   * Sets the user's status to {@code DISABLED} (suspends: blocks spend on the user's cards without
   * cancelling them); {@code PUT /v2/users/{id}}.
   */
  default User deactivate(String id) {
    return deactivate(id, RequestOptions.defaults());
  }

  /** Deactivates with per-call options. */
  User deactivate(String id, RequestOptions options);

  /** The user's monthly limit and availability ({@code GET /v2/users/{id}/limit}). */
  default UserLimit getLimit(String id) {
    return getLimit(id, RequestOptions.defaults());
  }

  /** The user's monthly limit with per-call options. */
  UserLimit getLimit(String id, RequestOptions options);

  /** Sets, or with {@link SetUserLimitRequest#clear()} removes, the monthly limit. */
  default UserLimit setLimit(String id, SetUserLimitRequest request) {
    return setLimit(id, request, RequestOptions.defaults());
  }

  /** Sets the monthly limit with per-call options ({@code POST /v2/users/{id}/limit}). */
  UserLimit setLimit(String id, SetUserLimitRequest request, RequestOptions options);
}
