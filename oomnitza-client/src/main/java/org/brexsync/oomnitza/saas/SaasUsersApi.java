package org.brexsync.oomnitza.saas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;
import org.brexsync.oomnitza.OomnitzaRecord;
import org.brexsync.oomnitza.PagedIterable;

/**
 * SaaS users (REST v3, per the third-party description; Oomnitza documents only that the family
 * exists). Obtain from {@link org.brexsync.oomnitza.OomnitzaClient#saasUsers()}. SaaS user objects
 * have no documented shape, so they are returned as {@link OomnitzaRecord}s.
 */
public interface SaasUsersApi {
  /** {@code GET /api/v3/saas_users?limit=&skip=&filter=&text=&roles=}, lazily paged. */
  PagedIterable<OomnitzaRecord> list(SaasUserQuery query);

  /** {@code GET /api/v3/saas/{saasId}/users?limit=&skip=&last_visit=&roles=}, lazily paged. */
  PagedIterable<OomnitzaRecord> listForSaas(String saasId, SaasUserQuery query);

  /**
   * {@code POST /api/v3/saas/{saasId}/users} with {@code [{"user_id","assign"}]}. Returns
   * Oomnitza's answer as JSON (its shape is not documented); {@code NullNode} when empty.
   */
  JsonNode assign(String saasId, Collection<SaasAssignment> assignments);

  /**
   * {@code POST /api/v3/saas/{saasId}/users/{userId}} with {@code {"user_external_id"}}: stores
   * the user's id in the external SaaS (e.g. the Brex user id).
   */
  JsonNode storeExternalId(String saasId, String userId, String userExternalId);

  /** {@code PATCH /api/v3/saas_users/activate} with {@code {"saas_user_ids": [...]}}. */
  List<SaasActivationResult> activate(Collection<String> saasUserIds);

  /** {@code PATCH /api/v3/saas_users/deactivate} with {@code {"saas_user_ids": [...]}}. */
  List<SaasActivationResult> deactivate(Collection<String> saasUserIds);
}
