package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import mockwebserver3.RecordedRequest;
import org.brexsync.oomnitza.filter.Filter;
import org.brexsync.oomnitza.saas.SaasActivationResult;
import org.brexsync.oomnitza.saas.SaasAssignment;
import org.brexsync.oomnitza.saas.SaasUserQuery;
import org.junit.jupiter.api.Test;

class SaasUsersApiTest extends WireTestSupport {

  @Test
  void listSendsFilterTextAndRoles() throws Exception {
    enqueueJson("[{\"saas_user_id\":\"s1\",\"user_id\":\"u1\"}]");
    List<OomnitzaRecord> users = client().saasUsers().list(SaasUserQuery.builder()
        .filter(Filter.eq("saas_id", "brex")).text("jane doe").addRoles("admin", "card holder").build()).toList();
    assertThat(users.get(0).text("saas_user_id")).contains("s1");
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getTarget()).isEqualTo(
        "/api/v3/saas_users?limit=100&skip=0&filter=saas_id%20eq%20%22brex%22&text=jane%20doe&roles=admin%2Ccard%20holder");
  }

  @Test
  void listForSaasSendsLastVisitAndRoles() throws Exception {
    enqueueJson("[]");
    client().saasUsers().listForSaas("saas 1", SaasUserQuery.builder().lastVisit("2026-01-01").pageSize(50).build()).toList();
    assertThat(take().getTarget()).isEqualTo("/api/v3/saas/saas%201/users?limit=50&skip=0&last_visit=2026-01-01");
  }

  @Test
  void assignPostsUserIdAndAssignPairs() throws Exception {
    enqueueJson("[{\"user_id\":\"u1\",\"assigned\":true}]");
    client().saasUsers().assign("brex-saas", List.of(SaasAssignment.assign("u1"), SaasAssignment.unassign("u2")));
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/api/v3/saas/brex-saas/users");
    assertThat(body(r)).isEqualTo("[{\"user_id\":\"u1\",\"assign\":true},{\"user_id\":\"u2\",\"assign\":false}]");
  }

  @Test
  void storeExternalIdPostsUserExternalId() throws Exception {
    enqueueJson("{}");
    client().saasUsers().storeExternalId("brex-saas", "u1", "cuuser_1");
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/api/v3/saas/brex-saas/users/u1");
    assertThat(body(r)).isEqualTo("{\"user_external_id\":\"cuuser_1\"}");
  }

  @Test
  void activateAndDeactivatePatchIdsAndReportPerUserErrors() throws Exception {
    enqueueJson("[{\"saas_user_id\":\"s1\",\"error\":null},{\"saas_user_id\":\"s2\",\"error\":\"Smth bad has happend\"}]");
    enqueueJson("[{\"saas_user_id\":\"s1\",\"error\":null}]");
    List<SaasActivationResult> on = client().saasUsers().activate(List.of("s1", "s2"));
    client().saasUsers().deactivate(List.of("s1"));

    assertThat(on).extracting(SaasActivationResult::succeeded).containsExactly(true, false);
    assertThat(on.get(1).error()).contains("Smth bad has happend");
    RecordedRequest a = take();
    assertThat(a.getMethod()).isEqualTo("PATCH");
    assertThat(a.getTarget()).isEqualTo("/api/v3/saas_users/activate");
    assertThat(body(a)).isEqualTo("{\"saas_user_ids\":[\"s1\",\"s2\"]}");
    RecordedRequest d = take();
    assertThat(d.getTarget()).isEqualTo("/api/v3/saas_users/deactivate");
    assertThat(body(d)).isEqualTo("{\"saas_user_ids\":[\"s1\"]}");
  }

  @Test
  void emptyInputsAreRefusedWithoutACall() {
    assertThatThrownBy(() -> client().saasUsers().activate(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client().saasUsers().assign("x", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getRequestCount()).isZero();
  }
}
