package org.brexsync.oomnitza.saas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import org.brexsync.oomnitza.OomnitzaRecord;
import org.brexsync.oomnitza.PagedIterable;
import org.brexsync.oomnitza.RequestOptions;

/**
 * SaaS users (REST v3, per the third-party description; Oomnitza documents only that the family
 * exists). Obtain from {@link org.brexsync.oomnitza.OomnitzaClient#saasUsers()}. SaaS user objects
 * have no documented shape, so they are returned as {@link OomnitzaRecord}s.
 */
public interface SaasUsersApi {
  /**
   * {@return {@code GET /api/v3/saas_users?limit=&skip=&filter=&text=&roles=}, lazily paged}
   *
   * @param query the query
   */
  default PagedIterable<OomnitzaRecord> list(SaasUserQuery query) {
    return list(query, RequestOptions.none());
  }

  /**
   * {@return {@link #list(SaasUserQuery)} with per-call options, applied to every page}
   *
   * @param query the query
   * @param options options of this call only
   */
  PagedIterable<OomnitzaRecord> list(SaasUserQuery query, RequestOptions options);

  /**
   * {@return {@code GET /api/v3/saas/{saasId}/users?limit=&skip=&last_visit=&roles=}, lazily paged}
   *
   * @param saasId the SaaS (application) id
   * @param query the query
   */
  default PagedIterable<OomnitzaRecord> listForSaas(String saasId, SaasUserQuery query) {
    return listForSaas(saasId, query, RequestOptions.none());
  }

  /**
   * {@return {@link #listForSaas(String, SaasUserQuery)} with per-call options, applied to every page}
   *
   * @param saasId the SaaS (application) id
   * @param query the query
   * @param options options of this call only
   */
  PagedIterable<OomnitzaRecord> listForSaas(String saasId, SaasUserQuery query, RequestOptions options);

  /**
   * {@return {@code POST /api/v3/saas/{saasId}/users} with {@code [{"user_id","assign"}]}} Returns
   * Oomnitza's answer as JSON (its shape is not documented); {@code NullNode} when empty.
   *
   * @param saasId the SaaS (application) id
   * @param assignments the assignments
   */
  default JsonNode assign(String saasId, Collection<SaasAssignment> assignments) {
    return assign(saasId, assignments, RequestOptions.none());
  }

  /**
   * {@return {@link #assign(String, Collection)} with per-call options}
   *
   * @param saasId the SaaS (application) id
   * @param assignments the assignments
   * @param options options of this call only
   */
  JsonNode assign(String saasId, Collection<SaasAssignment> assignments, RequestOptions options);

  /**
   * {@return {@code POST /api/v3/saas/{saasId}/users/{userId}} with {@code {"user_external_id"}}: stores
   * the user's id in the external SaaS (e.g. the Brex user id)}
   *
   * @param saasId the SaaS (application) id
   * @param userId the user id
   * @param userExternalId the user external id
   */
  default JsonNode storeExternalId(String saasId, String userId, String userExternalId) {
    return storeExternalId(saasId, userId, userExternalId, RequestOptions.none());
  }

  /**
   * {@return {@link #storeExternalId(String, String, String)} with per-call options}
   *
   * @param saasId the SaaS (application) id
   * @param userId the user id
   * @param userExternalId the user external id
   * @param options options of this call only
   */
  JsonNode storeExternalId(String saasId, String userId, String userExternalId, RequestOptions options);

  /**
   * {@return {@code PATCH /api/v3/saas_users/activate} with {@code {"saas_user_ids": [...]}}}
   *
   * @param saasUserIds the SaaS user ids
   */
  default List<SaasActivationResult> activate(Collection<String> saasUserIds) {
    return activate(saasUserIds, RequestOptions.none());
  }

  /**
   * {@return {@link #activate(Collection)} with per-call options}
   *
   * @param saasUserIds the SaaS user ids
   * @param options options of this call only
   */
  List<SaasActivationResult> activate(Collection<String> saasUserIds, RequestOptions options);

  /**
   * {@return {@code PATCH /api/v3/saas_users/deactivate} with {@code {"saas_user_ids": [...]}}}
   *
   * @param saasUserIds the SaaS user ids
   */
  default List<SaasActivationResult> deactivate(Collection<String> saasUserIds) {
    return deactivate(saasUserIds, RequestOptions.none());
  }

  /**
   * {@return {@link #deactivate(Collection)} with per-call options}
   *
   * @param saasUserIds the SaaS user ids
   * @param options options of this call only
   */
  List<SaasActivationResult> deactivate(Collection<String> saasUserIds, RequestOptions options);
}
