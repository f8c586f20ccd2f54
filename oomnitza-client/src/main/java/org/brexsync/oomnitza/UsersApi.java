package org.brexsync.oomnitza;

import java.util.List;
import java.util.Optional;
import org.brexsync.oomnitza.filter.Filter;

/**
 * People in Oomnitza through REST v3 ({@code /api/v3/users}). Obtain from
 * {@link OomnitzaClient#users()}. Thread-safe.
 *
 * <p>Retries: reads, {@code PATCH} and {@code DELETE} are idempotent and retried per the
 * {@link RetryPolicy}. {@link #create} ({@code POST}) is retried only when the request cannot have
 * reached the server's processing (connect failure, 429, 503), because Oomnitza offers no
 * idempotency key and a blind retry could create the person twice.
 */
public interface UsersApi {
  /** All users, lazily paged with the default page size. */
  default PagedIterable<OomnitzaUser> list() {
    return list(ListQuery.all());
  }

  /** Users per {@code query}, lazily paged. */
  default PagedIterable<OomnitzaUser> list(ListQuery query) {
    return list(query, RequestOptions.none());
  }

  /** Users per {@code query}, lazily paged, with per-call options. */
  PagedIterable<OomnitzaUser> list(ListQuery query, RequestOptions options);

  /** {@code GET /api/v3/users/{ident}}; empty on 404. */
  default Optional<OomnitzaUser> get(String ident) {
    return get(ident, RequestOptions.none());
  }

  /** {@code GET /api/v3/users/{ident}}; empty on 404. */
  Optional<OomnitzaUser> get(String ident, RequestOptions options);

  /**
   * The one user whose {@code field} equals {@code value} (e.g. {@code email}, {@code username},
   * a unique custom field such as {@code brex_user_id}); one request with {@code limit=2}.
   *
   * @throws OomnitzaException if more than one user matches (the field is not unique)
   */
  default Optional<OomnitzaUser> find(ExternalId field, String value) {
    return find(field, value, RequestOptions.none());
  }

  /** {@link #find(ExternalId, String)} with per-call options. */
  Optional<OomnitzaUser> find(ExternalId field, String value, RequestOptions options);

  /** {@code find(OomnitzaUser.EMAIL, email)}. */
  default Optional<OomnitzaUser> findByEmail(String email) {
    return find(OomnitzaUser.EMAIL, email);
  }

  /** {@code find(OomnitzaUser.USERNAME, username)}. */
  default Optional<OomnitzaUser> findByUsername(String username) {
    return find(OomnitzaUser.USERNAME, username);
  }

  /** Every user matching {@code filter}, read into a list. */
  default List<OomnitzaUser> findAll(Filter filter) {
    return list(ListQuery.of(filter)).toList();
  }

  /**
   * Every user whose {@code field} is one of {@code values}: {@code field IN [...]} list calls of
   * at most {@link OomnitzaConventions#maxFilterValues()} values each, so a batch of sync keys
   * costs one or a few requests and no URL grows without bound. Duplicates in {@code values} are
   * ignored; order of the result is the server's, chunk by chunk.
   */
  default List<OomnitzaUser> findAll(ExternalId field, java.util.Collection<String> values) {
    return findAll(field, values, RequestOptions.none());
  }

  /** {@link #findAll(ExternalId, java.util.Collection)} with per-call options. */
  List<OomnitzaUser> findAll(ExternalId field, java.util.Collection<String> values, RequestOptions options);

  /** {@code POST /api/v3/users}; returns the created user as Oomnitza echoes it. */
  default OomnitzaUser create(OomnitzaUser user) {
    return create(user, RequestOptions.none());
  }

  /**
   * {@code POST /api/v3/users}. Returns Oomnitza's representation of the new user; if Oomnitza
   * answers without a body, the submitted fields are returned.
   */
  OomnitzaUser create(OomnitzaUser user, RequestOptions options);

  /**
   * {@code PATCH /api/v3/users/{ident}} with only the fields present in {@code changes} (a field
   * with JSON null is cleared; an absent field is left unchanged). Returns Oomnitza's
   * representation of the user; if Oomnitza answers without a body, the submitted changes.
   */
  default OomnitzaUser update(String ident, FieldRecord changes) {
    return update(ident, changes, RequestOptions.none());
  }

  /** {@link #update(String, FieldRecord)} with per-call options. */
  OomnitzaUser update(String ident, FieldRecord changes, RequestOptions options);

  /**
   * The users data model as a {@link FieldCatalog}: every field's External ID with its Field ID, as
   * the tenant defines them (custom fields such as {@code brex_user_id} included), read from
   * {@link OomnitzaConventions#usersMetaPath()}. Fields without a usable Field ID are left out.
   *
   * @throws OomnitzaNotFoundException when the tenant does not serve the path (then give the Field IDs
   *     yourself, e.g. {@code FieldCatalog.standardUsers().toBuilder().put(...)})
   * @throws OomnitzaResponseException when the answer is not an object of field descriptions
   */
  default FieldCatalog fieldCatalog() {
    return fieldCatalog(RequestOptions.none());
  }

  /** {@link #fieldCatalog()} with per-call options. */
  FieldCatalog fieldCatalog(RequestOptions options);

  /** {@code DELETE /api/v3/users/{ident}}. */
  default void delete(String ident) {
    delete(ident, RequestOptions.none());
  }

  /** {@code DELETE /api/v3/users/{ident}} with per-call options. */
  void delete(String ident, RequestOptions options);

  /**
   * The {@code {ident}} of {@code user}: the value of {@link OomnitzaConventions#userIdentField()}.
   *
   * @throws IllegalArgumentException if the user lacks that field
   */
  String identOf(OomnitzaUser user);
}
