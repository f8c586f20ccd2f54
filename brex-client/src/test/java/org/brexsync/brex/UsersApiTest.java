package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.ListUsersRequest;
import org.brexsync.brex.model.Money;
import org.brexsync.brex.model.Patch;
import org.brexsync.brex.model.SetUserLimitRequest;
import org.brexsync.brex.model.UpdateUserRequest;
import org.brexsync.brex.model.UpdateUserStatus;
import org.brexsync.brex.model.User;
import org.brexsync.brex.model.UserLimit;
import org.brexsync.brex.model.UserStatus;
import org.junit.jupiter.api.Test;

class UsersApiTest extends MockServerTestBase {

  @Test
  void listSendsFiltersAndExpandAndParsesUsers() {
    enqueue(Fixtures.page(null, Fixtures.USER_KAREN, Fixtures.USER_JIM));

    List<User> users = client.users().list(ListUsersRequest.builder()
        .email("kfilippelli@dundermifflin.com").remoteDisplayId("okta-karen")
        .addExpand("limit").limit(50).build()).stream().toList();

    RecordedRequest r = take();
    assertRead(r, "/v2/users?limit=50&email=kfilippelli%40dundermifflin.com"
        + "&remote_display_id=okta-karen&expand%5B%5D=limit");
    assertThat(r.getUrl().queryParameter("expand[]")).isEqualTo("limit");
    assertThat(users).hasSize(2);
    User karen = users.get(0);
    assertThat(karen.id()).isEqualTo("cuuser_ckze72soa117f01pkmf1wcpl3");
    assertThat(karen.firstName()).isEqualTo("Karen");
    assertThat(karen.lastName()).isEqualTo("Filippelli");
    assertThat(karen.email()).isEqualTo("kfilippelli@dundermifflin.com");
    assertThat(karen.status()).contains(UserStatus.ACTIVE);
    assertThat(karen.managerId()).contains("cuuser_manager1");
    assertThat(karen.departmentId()).contains("cudept_sales");
    assertThat(karen.locationId()).contains("culoc_stamford");
    assertThat(karen.titleId()).contains("cutitle_rep");
    assertThat(karen.metadata()).containsEntry("employee_id", "E-1001");
    assertThat(karen.remoteDisplayId()).contains("okta-karen");
    User jim = users.get(1);
    assertThat(jim.status()).contains(UserStatus.INVITED);
    assertThat(jim.managerId()).isEmpty();
    assertThat(jim.metadata()).isEmpty();
  }

  @Test
  void unknownUserStatusReadsAsUnknown() {
    enqueue(Fixtures.USER_KAREN.replace("\"ACTIVE\"", "\"ON_SABBATICAL\""));
    assertThat(client.users().get("cuuser_1").status()).contains(UserStatus.UNKNOWN);
  }

  @Test
  void getEncodesIdAndParses() {
    enqueue(Fixtures.USER_KAREN);
    User u = client.users().get("cuuser_ckze72soa117f01pkmf1wcpl3");
    assertRead(take(), "/v2/users/cuuser_ckze72soa117f01pkmf1wcpl3");
    assertThat(u.email()).isEqualTo("kfilippelli@dundermifflin.com");

    enqueue(Fixtures.USER_KAREN);
    client.users().get("a b+c%");
    assertRead(take(), "/v2/users/a%20b%2Bc%25");
  }

  @Test
  void me() {
    enqueue(Fixtures.USER_JIM);
    assertThat(client.users().me().id()).isEqualTo("cuuser_jim");
    assertRead(take(), "/v2/users/me");
  }

  @Test
  void inviteSendsExactBodyWithIdempotencyKey() {
    enqueue(Fixtures.USER_KAREN.replace("\"ACTIVE\"", "\"INVITED\""));
    User u = client.users().invite(InviteUserRequest.builder().firstName("Karen")
        .lastName("Filippelli").email("kfilippelli@dundermifflin.com").managerId("cuuser_manager1")
        .departmentId("cudept_sales").locationId("culoc_stamford").titleId("cutitle_rep")
        .putMetadata("employee_id", "E-1001").build());
    assertWrite(take(), "POST", "/v2/users", """
        {"first_name":"Karen","last_name":"Filippelli","email":"kfilippelli@dundermifflin.com",
         "manager_id":"cuuser_manager1","department_id":"cudept_sales","location_id":"culoc_stamford",
         "title_id":"cutitle_rep","metadata":{"employee_id":"E-1001"}}""");
    assertThat(u.status()).contains(UserStatus.INVITED);
  }

  @Test
  void inviteOmitsAbsentOptionalFields() {
    enqueue(Fixtures.USER_JIM);
    client.users().invite(InviteUserRequest.builder().firstName("Jim").lastName("Halpert")
        .email("jim@dundermifflin.com").build());
    assertWrite(take(), "POST", "/v2/users",
        "{\"first_name\":\"Jim\",\"last_name\":\"Halpert\",\"email\":\"jim@dundermifflin.com\"}");
  }

  @Test
  void inviteUsesCallersIdempotencyKey() {
    enqueue(Fixtures.USER_JIM);
    client.users().invite(InviteUserRequest.builder().firstName("Jim").lastName("Halpert")
        .email("jim@dundermifflin.com").build(), RequestOptions.idempotencyKey("invite-jim-1"));
    assertThat(take().getHeaders().get("Idempotency-Key")).isEqualTo("invite-jim-1");
  }

  @Test
  void updateDistinguishesUnchangedFromNull() {
    enqueue(Fixtures.USER_KAREN);
    client.users().update("cuuser_1", UpdateUserRequest.builder()
        .managerId(Patch.clear())
        .departmentId(Patch.set("cudept_new"))
        .metadata(Patch.set(Map.of("k", "v")))
        .build());
    assertWrite(take(), "PUT", "/v2/users/cuuser_1",
        "{\"manager_id\":null,\"department_id\":\"cudept_new\",\"metadata\":{\"k\":\"v\"}}");
  }

  @Test
  void emptyUpdateSendsEmptyObject() {
    enqueue(Fixtures.USER_KAREN);
    client.users().update("cuuser_1", UpdateUserRequest.builder().build());
    assertWrite(take(), "PUT", "/v2/users/cuuser_1", "{}");
  }

  @Test
  void activateAndDeactivatePutStatus() {
    enqueue(Fixtures.USER_KAREN);
    enqueue(Fixtures.USER_KAREN.replace("\"ACTIVE\"", "\"DISABLED\""));
    assertThat(client.users().activate("cuuser_1").status()).contains(UserStatus.ACTIVE);
    assertWrite(take(), "PUT", "/v2/users/cuuser_1", "{\"status\":\"ACTIVE\"}");
    assertThat(client.users().deactivate("cuuser_1").status()).contains(UserStatus.DISABLED);
    assertWrite(take(), "PUT", "/v2/users/cuuser_1", "{\"status\":\"DISABLED\"}");
  }

  @Test
  void updateStatusViaPatch() {
    enqueue(Fixtures.USER_KAREN);
    client.users().update("u", UpdateUserRequest.builder()
        .status(Patch.set(UpdateUserStatus.DISABLED)).build());
    assertWrite(take(), "PUT", "/v2/users/u", "{\"status\":\"DISABLED\"}");
  }

  @Test
  void getLimit() {
    enqueue(Fixtures.USER_LIMIT);
    UserLimit l = client.users().getLimit("cuuser_1");
    assertRead(take(), "/v2/users/cuuser_1/limit");
    assertThat(l.monthlyLimit()).contains(Money.usd(500000));
    assertThat(l.monthlyAvailable()).contains(Money.usd(123456));
  }

  @Test
  void getLimitWithoutLimit() {
    enqueue("{\"monthly_limit\":null,\"monthly_available\":null}");
    UserLimit l = client.users().getLimit("cuuser_1");
    assertThat(l.monthlyLimit()).isEmpty();
  }

  @Test
  void setLimitAndClearLimit() {
    enqueue(Fixtures.USER_LIMIT);
    client.users().setLimit("cuuser_1", SetUserLimitRequest.of(Money.usd(500000)));
    assertWrite(take(), "POST", "/v2/users/cuuser_1/limit",
        "{\"monthly_limit\":{\"amount\":500000,\"currency\":\"USD\"}}");

    enqueue("{\"monthly_limit\":null,\"monthly_available\":null}");
    client.users().setLimit("cuuser_1", SetUserLimitRequest.clear());
    assertWrite(take(), "POST", "/v2/users/cuuser_1/limit", "{\"monthly_limit\":null}");
  }
}
