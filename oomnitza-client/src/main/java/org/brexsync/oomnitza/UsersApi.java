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
  /** {@return all users, lazily paged with the default page size} */
  default PagedIterable<OomnitzaUser> list() {
    return list(ListQuery.all());
  }

  /**
   * {@return users per {@code query}, lazily paged}
   *
   * @param query the query
   */
  default PagedIterable<OomnitzaUser> list(ListQuery query) {
    return list(query, RequestOptions.none());
  }

  /**
   * {@return users per {@code query}, lazily paged, with per-call options}
   *
   * @param query the query
   * @param options options of this call only
   */
  PagedIterable<OomnitzaUser> list(ListQuery query, RequestOptions options);

  /**
   * {@return {@code GET /api/v3/users/{ident}}; empty on 404}
   *
   * @param ident the record's Oomnitza ident
   */
  default Optional<OomnitzaUser> get(String ident) {
    return get(ident, RequestOptions.none());
  }

  /**
   * {@return {@code GET /api/v3/users/{ident}}; empty on 404}
   *
   * @param ident the record's Oomnitza ident
   * @param options options of this call only
   */
  Optional<OomnitzaUser> get(String ident, RequestOptions options);

  /**
   * {@return the one user whose {@code field} equals {@code value} (e.g. {@code email}, {@code username},
   * a unique custom field such as {@code brex_user_id}); one request with {@code limit=2}}
   *
   * @param field the user field, by external id
   * @param value the value
   * @throws OomnitzaException if more than one user matches (the field is not unique)
   */
  default Optional<OomnitzaUser> find(ExternalId field, String value) {
    return find(field, value, RequestOptions.none());
  }

  /**
   * {@return {@link #find(ExternalId, String)} with per-call options}
   *
   * @param field the user field, by external id
   * @param value the value
   * @param options options of this call only
   */
  Optional<OomnitzaUser> find(ExternalId field, String value, RequestOptions options);

  /**
   * {@return {@code find(OomnitzaUser.EMAIL, email)}}
   *
   * @param email the email address
   */
  default Optional<OomnitzaUser> findByEmail(String email) {
    return find(OomnitzaUser.EMAIL, email);
  }

  /**
   * {@return {@code find(OomnitzaUser.USERNAME, username)}}
   *
   * @param username the username
   */
  default Optional<OomnitzaUser> findByUsername(String username) {
    return find(OomnitzaUser.USERNAME, username);
  }

  /**
   * {@return every user matching {@code filter}, read into a list}
   *
   * @param filter the filter
   */
  default List<OomnitzaUser> findAll(Filter filter) {
    return list(ListQuery.of(filter)).toList();
  }

  /**
   * {@return every user whose {@code field} is one of {@code values}: {@code field IN [...]} list calls of
   * at most {@link OomnitzaConventions#maxFilterValues()} values each, so a batch of sync keys
   * costs one or a few requests and no URL grows without bound} Duplicates in {@code values} are
   * ignored; order of the result is the server's, chunk by chunk.
   *
   * @param field the user field, by external id
   * @param values the values
   */
  default List<OomnitzaUser> findAll(ExternalId field, java.util.Collection<String> values) {
    return findAll(field, values, RequestOptions.none());
  }

  /**
   * {@return {@link #findAll(ExternalId, java.util.Collection)} with per-call options}
   *
   * @param field the user field, by external id
   * @param values the values
   * @param options options of this call only
   */
  List<OomnitzaUser> findAll(ExternalId field, java.util.Collection<String> values, RequestOptions options);

  /**
   * {@return {@code POST /api/v3/users}; returns the created user as Oomnitza echoes it}
   *
   * @param user the user
   */
  default OomnitzaUser create(OomnitzaUser user) {
    return create(user, RequestOptions.none());
  }

  /**
   * {@return {@code POST /api/v3/users}} Returns Oomnitza's representation of the new user; if Oomnitza
   * answers without a body, the submitted fields are returned.
   *
   * @param user the user
   * @param options options of this call only
   */
  OomnitzaUser create(OomnitzaUser user, RequestOptions options);

  /**
   * {@return {@code PATCH /api/v3/users/{ident}} with only the fields present in {@code changes} (a field
   * with JSON null is cleared; an absent field is left unchanged)} Returns Oomnitza's
   * representation of the user; if Oomnitza answers without a body, the submitted changes.
   *
   * @param ident the record's Oomnitza ident
   * @param changes the changes
   */
  default OomnitzaUser update(String ident, FieldRecord changes) {
    return update(ident, changes, RequestOptions.none());
  }

  /**
   * {@return {@link #update(String, FieldRecord)} with per-call options}
   *
   * @param ident the record's Oomnitza ident
   * @param changes the changes
   * @param options options of this call only
   */
  OomnitzaUser update(String ident, FieldRecord changes, RequestOptions options);

  /**
   * {@return the users data model as a {@link FieldCatalog}: every field's External ID with its Field ID, as
   * the tenant defines them (custom fields such as {@code brex_user_id} included), read from
   * {@link OomnitzaConventions#usersMetaPath()}} Fields without a usable Field ID are left out.
   *
   * @throws OomnitzaNotFoundException when the tenant does not serve the path (then give the Field IDs
   *     yourself, e.g. {@code FieldCatalog.standardUsers().toBuilder().put(...)})
   * @throws OomnitzaResponseException when the answer is not an object of field descriptions
   */
  default FieldCatalog fieldCatalog() {
    return fieldCatalog(RequestOptions.none());
  }

  /**
   * {@return {@link #fieldCatalog()} with per-call options}
   *
   * @param options options of this call only
   */
  FieldCatalog fieldCatalog(RequestOptions options);

  /**
   * {@code DELETE /api/v3/users/{ident}}.
   *
   * @param ident the record's Oomnitza ident
   */
  default void delete(String ident) {
    delete(ident, RequestOptions.none());
  }

  /**
   * {@code DELETE /api/v3/users/{ident}} with per-call options.
   *
   * @param ident the record's Oomnitza ident
   * @param options options of this call only
   */
  void delete(String ident, RequestOptions options);

  /**
   * {@return the {@code {ident}} of {@code user}: the value of {@link OomnitzaConventions#userIdentField()}}
   *
   * @param user the user
   * @throws IllegalArgumentException if the user lacks that field
   */
  String identOf(OomnitzaUser user);
}
