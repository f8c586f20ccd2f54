package org.brexsync.brex;

import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.ListUsersRequest;
import org.brexsync.brex.model.SetUserLimitRequest;
import org.brexsync.brex.model.UpdateUserRequest;
import org.brexsync.brex.model.User;
import org.brexsync.brex.model.UserLimit;

/** Brex users ({@code /v2/users}). Obtain from {@link BrexClient#users()}. */
public interface UserService {
  /**
   * Lists users lazily across pages ({@code GET /v2/users}).
   *
   * @param request the request
   * @return the users, fetched a page at a time as they are iterated
   */
  default PagedIterable<User> list(ListUsersRequest request) {
    return list(request, RequestOptions.defaults());
  }

  /**
   * Lists users with per-call options (timeout, headers), applied to every page.
   *
   * @param request the request
   * @param options options of this call only
   * @return the users, fetched a page at a time as they are iterated
   */
  PagedIterable<User> list(ListUsersRequest request, RequestOptions options);

  /**
   * Lists every user lazily.
   *
   * @return the users, fetched a page at a time as they are iterated
   */
  default PagedIterable<User> list() {
    return list(ListUsersRequest.all());
  }

  /**
   * {@return a user by id ({@code GET /v2/users/{id}})}
   *
   * @param id the user id
   * @throws BrexValidationException when {@code id} cannot be a path segment; nothing is sent
   */
  default User get(String id) {
    return get(id, RequestOptions.defaults());
  }

  /**
   * {@return a user with per-call options}
   *
   * @param id the user id
   * @param options options of this call only
   */
  User get(String id, RequestOptions options);

  /** {@return the user the token belongs to ({@code GET /v2/users/me})} */
  default User me() {
    return me(RequestOptions.defaults());
  }

  /**
   * {@return the token's user with per-call options}
   *
   * @param options options of this call only
   */
  User me(RequestOptions options);

  /**
   * Invites a user as an employee ({@code POST /v2/users}).
   *
   * @param request the request
   * @return the invited user
   */
  default User invite(InviteUserRequest request) {
    return invite(request, RequestOptions.defaults());
  }

  /**
   * Invites a user with per-call options.
   *
   * @param request the request
   * @param options options of this call only
   * @return the invited user
   */
  User invite(InviteUserRequest request, RequestOptions options);

  /**
   * Partially updates a user ({@code PUT /v2/users/{id}}); unchanged fields are not sent.
   *
   * @param id the user id
   * @param request the request
   * @return the user
   */
  default User update(String id, UpdateUserRequest request) {
    return update(id, request, RequestOptions.defaults());
  }

  /**
   * Partially updates a user with per-call options.
   *
   * @param id the user id
   * @param request the request
   * @param options options of this call only
   * @return the user
   */
  User update(String id, UpdateUserRequest request, RequestOptions options);

  /**
   * Sets the user's status to {@code ACTIVE} (unsuspends); {@code PUT /v2/users/{id}}.
   *
   * @param id the user id
   * @return the user
   */
  default User activate(String id) {
    return activate(id, RequestOptions.defaults());
  }

  /**
   * Activates with per-call options.
   *
   * @param id the user id
   * @param options options of this call only
   * @return the updated user
   */
  User activate(String id, RequestOptions options);

  /**
   * Sets the user's status to {@code DISABLED} (suspends: blocks spend on the user's cards without
   * cancelling them); {@code PUT /v2/users/{id}}.
   *
   * @param id the user id
   * @return the user
   */
  default User deactivate(String id) {
    return deactivate(id, RequestOptions.defaults());
  }

  /**
   * Deactivates with per-call options.
   *
   * @param id the user id
   * @param options options of this call only
   * @return the updated user
   */
  User deactivate(String id, RequestOptions options);

  /**
   * {@return the user's monthly limit and availability ({@code GET /v2/users/{id}/limit})}
   *
   * @param id the user id
   */
  default UserLimit getLimit(String id) {
    return getLimit(id, RequestOptions.defaults());
  }

  /**
   * {@return the user's monthly limit with per-call options}
   *
   * @param id the user id
   * @param options options of this call only
   */
  UserLimit getLimit(String id, RequestOptions options);

  /**
   * Sets, or with {@link SetUserLimitRequest#clear()} removes, the monthly limit.
   *
   * @param id the user id
   * @param request the request
   * @return the user limit
   */
  default UserLimit setLimit(String id, SetUserLimitRequest request) {
    return setLimit(id, request, RequestOptions.defaults());
  }

  /**
   * Sets the monthly limit with per-call options ({@code POST /v2/users/{id}/limit}).
   *
   * @param id the user id
   * @param request the request
   * @param options options of this call only
   * @return the user limit
   */
  UserLimit setLimit(String id, SetUserLimitRequest request, RequestOptions options);
}
