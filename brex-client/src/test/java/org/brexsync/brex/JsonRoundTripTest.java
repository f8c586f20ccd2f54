package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.Patch;
import org.brexsync.brex.model.UpdateUserRequest;
import org.brexsync.brex.model.UpdateUserStatus;
import org.brexsync.brex.model.User;
import org.junit.jupiter.api.Test;

/** Models read from and write to spec-shaped JSON (e.g. workflow templates, mapping engines). */
class JsonRoundTripTest {

  @Test
  void updateUserRequestReadsAbsentAsUnchangedNullAsClear() {
    UpdateUserRequest r = BrexJson.fromJson(
        "{\"status\":\"DISABLED\",\"manager_id\":null,\"metadata\":{\"a\":\"b\"}}",
        UpdateUserRequest.class);
    assertThat(r.status()).isEqualTo(Patch.set(UpdateUserStatus.DISABLED));
    assertThat(r.managerId()).isEqualTo(Patch.clear());
    assertThat(r.departmentId()).isEqualTo(Patch.unchanged());
    assertThat(r.metadata()).isEqualTo(Patch.set(Map.of("a", "b")));
    assertThat(BrexJson.toJsonTree(r)).isEqualTo(MockServerTestBase.json(
        "{\"status\":\"DISABLED\",\"manager_id\":null,\"metadata\":{\"a\":\"b\"}}"));
  }

  @Test
  void createCardRequestRoundTrips() {
    CreateCardRequest r = CardsApiTest.vendorCard();
    assertThat(BrexJson.fromJson(BrexJson.toJson(r), CreateCardRequest.class)).isEqualTo(r);
  }

  @Test
  void userTreeUsesSpecNames() {
    User u = BrexJson.fromJson(Fixtures.USER_KAREN, User.class);
    assertThat(BrexJson.toJsonTree(u).fieldNames()).toIterable()
        .contains("first_name", "last_name", "remote_display_id", "manager_id")
        .doesNotContain("some_future_field", "firstName");
    assertThat(BrexJson.fromJsonTree(BrexJson.toJsonTree(u), User.class)).isEqualTo(u);
  }

  @Test
  void mapperIsACopy() {
    assertThat(BrexJson.mapper()).isNotSameAs(BrexJson.mapper());
  }
}
