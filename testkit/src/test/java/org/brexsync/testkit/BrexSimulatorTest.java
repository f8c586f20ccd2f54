package org.brexsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrexSimulatorTest {
  static BrexSimulator brex;
  static Http http;

  @BeforeAll
  static void start() {
    brex = BrexSimulator.builder().token("bxt_test").start();
    http = Http.brex(brex);
  }

  @AfterAll
  static void stop() {
    brex.close();
  }

  @BeforeEach
  void reset() {
    brex.reset();
  }

  private static String invite(String email) {
    Http.Resp r = http.post("/v2/users", Http.obj("{'first_name':'Jim','last_name':'Halpert','email':'" + email + "'}"));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  private static ObjectNode virtualCard(String userId) {
    return Http.obj("{'owner':{'type':'USER','user_id':'" + userId + "'},'card_name':'Laptop budget',"
        + "'card_type':'VIRTUAL','limit_type':'CARD','spend_controls':{'spend_limit':{'amount':100000,'currency':'USD'},"
        + "'spend_duration':'MONTHLY','lock_after_date':'2030-08-24'}}");
  }

  // ---------------------------------------------------------------- auth

  @Test
  void missingOrUnknownTokenAnswers401WithBrexBody() {
    for (Http h : new Http[] {http.withAuth(null), http.withAuth("Bearer nope")}) {
      Http.Resp r = h.get("/v2/users");
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().get("type").asText()).isEqualTo("UNAUTHORIZED");
      assertThat(r.json().get("message").asText()).isEqualTo("PERMISSION_DENIED: Invalid or Revoked Token");
      assertThat(r.header("X-Brex-Trace-Id")).isNotBlank();
    }
  }

  @Test
  void expiredTokenAnswers403AndRevokedTokenAnswers401() {
    brex.addToken("bxt_other").addToken("bxt_gone");
    brex.expireToken("bxt_other");
    brex.revokeToken("bxt_gone");
    Http.Resp expired = http.withAuth("Bearer bxt_other").get("/v2/users/me");
    assertThat(expired.status()).isEqualTo(403);
    assertThat(expired.json().get("message").asText()).isEqualTo("Expired token");
    assertThat(http.withAuth("Bearer bxt_gone").get("/v2/users/me").status()).isEqualTo(401);
  }

  // ---------------------------------------------------------------- users

  @Test
  void inviteCreatesInvitedUserAndDuplicateEmailIsRejected() {
    String id = invite("jim@acme.example");
    JsonNode u = http.get("/v2/users/" + id).json();
    assertThat(u.get("status").asText()).isEqualTo("INVITED");
    assertThat(u.get("email").asText()).isEqualTo("jim@acme.example");
    Http.Resp dup = http.post("/v2/users", Http.obj("{'first_name':'J','last_name':'H','email':'JIM@acme.example'}"));
    assertThat(dup.status()).isEqualTo(400);
    assertThat(dup.json().get("type").asText()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void inviteValidatesRequiredFields() {
    assertThat(http.post("/v2/users", Http.obj("{'first_name':'','last_name':'H','email':'a@b.c'}")).status()).isEqualTo(400);
    assertThat(http.post("/v2/users", Http.obj("{'first_name':'J','last_name':'H'}")).status()).isEqualTo(400);
    assertThat(http.post("/v2/users", Http.obj("{'first_name':'J','last_name':'H','email':'not-an-email'}")).status()).isEqualTo(400);
    assertThat(http.post("/v2/users", "{not json").status()).isEqualTo(400);
  }

  @Test
  void misspeltRequestFieldsAreRejectedNotIgnored() {
    Http.Resp top = http.post("/v2/users", Http.obj("{'first_name':'J','last_name':'H','email':'jh@acme.example','managerId':'x'}"));
    assertThat(top.status()).isEqualTo(400);
    assertThat(top.json().get("code").asText()).isEqualTo("UNKNOWN_FIELD");
    assertThat(top.json().get("message").asText()).contains("managerId");
    Http.Resp nested = http.post("/v2/cards", Http.obj("{'owner':{'type':'USER','user_id':'" + brex.adminUserId() + "'},"
        + "'card_name':'x','card_type':'VIRTUAL','limit_type':'CARD','spend_controls':{'spend_limit':{'amount':1},"
        + "'spendDuration':'MONTHLY'}}"), "Idempotency-Key", "typo");
    assertThat(nested.json().get("message").asText()).contains("spend_controls.spendDuration");
    try (BrexSimulator lenient = BrexSimulator.builder().strictRequestFields(false).start()) {
      assertThat(Http.brex(lenient).post("/v2/users",
          Http.obj("{'first_name':'J','last_name':'H','email':'jh@acme.example','managerId':'x'}")).status()).isEqualTo(200);
    }
  }

  @Test
  void unknownUserAnswers404WithCode() {
    Http.Resp r = http.get("/v2/users/cuuser_nope");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("code").asText()).isEqualTo("USER_NOT_FOUND");
  }

  @Test
  void meIsTheAdmin() {
    JsonNode me = http.get("/v2/users/me").json();
    assertThat(me.get("id").asText()).isEqualTo(brex.adminUserId());
    assertThat(me.get("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void deactivateAndActivateThroughPutUser() {
    String id = brex.createUser("Pam", "Beesly", "pam@acme.example").get("id").asText();
    Http.Resp off = http.put("/v2/users/" + id, Http.obj("{'status':'DISABLED'}"));
    assertThat(off.json().get("status").asText()).isEqualTo("DISABLED");
    Http.Resp on = http.put("/v2/users/" + id, Http.obj("{'status':'ACTIVE'}"));
    assertThat(on.json().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(http.put("/v2/users/" + id, Http.obj("{'status':'DELETED'}")).status()).isEqualTo(400);
  }

  @Test
  void invitedUserCannotBeActivatedButCanAcceptTheInvite() {
    String id = invite("inv@acme.example");
    assertThat(http.put("/v2/users/" + id, Http.obj("{'status':'ACTIVE'}")).status()).isEqualTo(400);
    brex.acceptInvite(id);
    assertThat(brex.user(id).orElseThrow().get("status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void updateLeavesAbsentFieldsAndClearsExplicitNulls() {
    brex.seed(CompanySpec.of(1, 20));
    SyntheticCompany co = brex.company().orElseThrow();
    String id = co.userId(5);
    JsonNode before = http.get("/v2/users/" + id).json();
    JsonNode after = http.put("/v2/users/" + id, Http.obj("{'department_id':null}")).json();
    assertThat(after.get("department_id").isNull()).isTrue();
    assertThat(after.get("location_id")).isEqualTo(before.get("location_id"));
    assertThat(http.put("/v2/users/" + id, Http.obj("{'manager_id':'cuuser_unknown'}")).status()).isEqualTo(400);
  }

  @Test
  void userLimitCanBeSetReadAndUnset() {
    String id = brex.createUser("A", "B", "ab@acme.example").get("id").asText();
    JsonNode none = http.get("/v2/users/" + id + "/limit").json();
    assertThat(none.get("monthly_limit").isNull()).isTrue();
    JsonNode set = http.post("/v2/users/" + id + "/limit", Http.obj("{'monthly_limit':{'amount':50000,'currency':'USD'}}")).json();
    assertThat(set.at("/monthly_limit/amount").asLong()).isEqualTo(50000);
    assertThat(set.at("/monthly_available/amount").asLong()).isEqualTo(50000);
    assertThat(http.post("/v2/users/" + id + "/limit", Http.obj("{'monthly_limit':{'amount':-1}}")).status()).isEqualTo(400);
    JsonNode unset = http.post("/v2/users/" + id + "/limit", Http.obj("{'monthly_limit':null}")).json();
    assertThat(unset.get("monthly_limit").isNull()).isTrue();
  }

  // ---------------------------------------------------------------- pagination & filters

  @Test
  void cursorPaginationWalksAllUsersOnce() {
    brex.seed(CompanySpec.of(3, 250));
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Http.Resp r = http.get("/v2/users?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(r.status()).isEqualTo(200);
      r.json().get("items").forEach(u -> seen.add(u.get("id").asText()));
      JsonNode next = r.json().get("next_cursor");
      cursor = next.isNull() ? null : next.asText();
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(250);
  }

  @Test
  void defaultLimitIs100AndAbove1000Is400() {
    brex.seed(CompanySpec.of(3, 150));
    assertThat(http.get("/v2/users").json().get("items")).hasSize(100);
    assertThat(http.get("/v2/users?limit=1000").json().get("items")).hasSize(150);
    Http.Resp r = http.get("/v2/users?limit=1001");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("type").asText()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void invalidCursorIs400() {
    assertThat(http.get("/v2/users?cursor=garbage!").status()).isEqualTo(400);
    assertThat(http.get("/v2/users?limit=0").status()).isEqualTo(400);
  }

  @Test
  void filtersByEmailAndRemoteDisplayId() {
    brex.seed(CompanySpec.of(9, 50));
    SyntheticCompany co = brex.company().orElseThrow();
    String email = co.email(17);
    JsonNode byEmail = http.get("/v2/users?email=" + URLEncoder.encode(email.toUpperCase(), StandardCharsets.UTF_8)).json();
    assertThat(byEmail.get("items")).hasSize(1);
    assertThat(byEmail.at("/items/0/id").asText()).isEqualTo(co.userId(17));
    JsonNode byRdi = http.get("/v2/users?remote_display_id=" + co.remoteDisplayId(17)).json();
    assertThat(byRdi.at("/items/0/id").asText()).isEqualTo(co.userId(17));
    assertThat(http.get("/v2/users?email=nobody@nowhere.example").json().get("items")).isEmpty();
  }

  @Test
  void listsAllCardsAcrossUsersAndByUser() {
    brex.seed(CompanySpec.of(4, 40));
    SyntheticCompany co = brex.company().orElseThrow();
    long expected = co.cards().count();
    Set<String> seen = new HashSet<>();
    String cursor = null;
    do {
      JsonNode page = http.get("/v2/cards?limit=7" + (cursor == null ? "" : "&cursor=" + cursor)).json();
      page.get("items").forEach(c -> seen.add(c.get("id").asText()));
      cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
    } while (cursor != null);
    assertThat(seen).hasSize((int) expected);
    int i = 0;
    while (co.cardCount(i) == 0) {
      i++;
    }
    JsonNode mine = http.get("/v2/cards?user_id=" + co.userId(i)).json();
    assertThat(mine.get("items")).hasSize(co.cardCount(i));
  }

  // ---------------------------------------------------------------- cards

  @Test
  void createCardRequiresIdempotencyKey() {
    String uid = brex.adminUserId();
    Http.Resp r = http.post("/v2/cards", virtualCard(uid));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").asText()).contains("Idempotency-Key");
  }

  @Test
  void sameIdempotencyKeyAndBodyReturnsTheSameCardWithoutDuplicate() {
    String uid = brex.adminUserId();
    Http.Resp first = http.post("/v2/cards", virtualCard(uid), "Idempotency-Key", "key-1");
    Http.Resp second = http.post("/v2/cards", virtualCard(uid), "Idempotency-Key", "key-1");
    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(brex.cardsOf(uid)).hasSize(1);
  }

  @Test
  void sameIdempotencyKeyWithAnotherBodyIsRejected() {
    String uid = brex.adminUserId();
    http.post("/v2/cards", virtualCard(uid), "Idempotency-Key", "key-2");
    ObjectNode other = virtualCard(uid).put("card_name", "Another");
    Http.Resp r = http.post("/v2/cards", other, "Idempotency-Key", "key-2");
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(brex.cardsOf(uid)).hasSize(1);
  }

  @Test
  void createCardRulesAreEnforced() {
    String uid = brex.adminUserId();
    String[] invalid = {
      "{'owner':{'type':'USER'},'card_name':'x','card_type':'VIRTUAL','limit_type':'USER'}",
      "{'owner':{'type':'USER','user_id':'" + uid + "'},'card_name':'','card_type':'VIRTUAL','limit_type':'USER'}",
      "{'owner':{'type':'USER','user_id':'" + uid + "'},'card_name':'x','card_type':'PHYSICAL','limit_type':'CARD',"
          + "'spend_controls':{'spend_limit':{'amount':1},'spend_duration':'MONTHLY'}}",
      "{'owner':{'type':'USER','user_id':'" + uid + "'},'card_name':'x','card_type':'VIRTUAL','limit_type':'CARD'}",
      "{'owner':{'type':'USER','user_id':'" + uid + "'},'card_name':'x','card_type':'VIRTUAL','limit_type':'CARD',"
          + "'spend_controls':{'spend_duration':'MONTHLY'}}",
      "{'owner':{'type':'USER','user_id':'" + uid + "'},'card_name':'x','card_type':'VIRTUAL','limit_type':'USER',"
          + "'spend_controls':{'spend_limit':{'amount':1},'spend_duration':'MONTHLY'}}",
      "{'owner':{'type':'USER','user_id':'" + uid + "'},'card_name':'x','card_type':'PHYSICAL','limit_type':'USER'}",
      "{'owner':{'type':'USER','user_id':'" + uid + "'},'card_name':'x','card_type':'PHYSICAL','limit_type':'USER',"
          + "'mailing_address':{'line1':'PO Box 12','city':'Austin','state':'TX','country':'US','postal_code':'78701'}}",
      "{'owner':{'type':'USER','user_id':'" + uid + "'},'card_name':'x','card_type':'PHYSICAL','limit_type':'USER',"
          + "'mailing_address':{'line1':'1 Rue de Rivoli','city':'Paris','state':'IDF','country':'FR','postal_code':'75001'}}",
      "{'owner':{'type':'USER','user_id':'cuuser_missing'},'card_name':'x','card_type':'VIRTUAL','limit_type':'USER'}",
      "{'owner':{'type':'USER','user_id':'" + uid + "'},'card_name':'x','card_type':'VIRTUAL','limit_type':'USER',"
          + "'metadata':{'k':'" + "v".repeat(501) + "'}}",
    };
    int n = 0;
    for (String body : invalid) {
      Http.Resp r = http.post("/v2/cards", Http.obj(body), "Idempotency-Key", "inv-" + n++);
      assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
      assertThat(r.json().get("type").asText()).isEqualTo("BAD_REQUEST");
    }
    assertThat(brex.cardsOf(uid)).isEmpty();
  }

  @Test
  void physicalCardWithUsAddressIsCreatedAndTenActivePhysicalCardsIsTheLimit() {
    String uid = brex.adminUserId();
    for (int i = 0; i < 10; i++) {
      brex.createCard(uid, "PHYSICAL", "USER");
    }
    ObjectNode body = Http.obj("{'owner':{'type':'USER','user_id':'" + uid + "'},'card_name':'Travel','card_type':'PHYSICAL',"
        + "'limit_type':'USER','mailing_address':{'line1':'450 Lexington Ave','city':'New York','state':'NY','country':'US','postal_code':'10017'}}");
    Http.Resp eleventh = http.post("/v2/cards", body, "Idempotency-Key", "p-11");
    assertThat(eleventh.status()).isEqualTo(400);
    brex.setCardStatus(brex.cardsOf(uid).get(0).get("id").asText(), "TERMINATED");
    Http.Resp ok = http.post("/v2/cards", body, "Idempotency-Key", "p-11b");
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().get("card_type").asText()).isEqualTo("PHYSICAL");
    assertThat(ok.json().get("spend_controls").isNull()).isTrue();
  }

  @Test
  void lockUnlockTerminateFollowTheCardLifecycle() {
    String uid = brex.adminUserId();
    String id = http.post("/v2/cards", virtualCard(uid), "Idempotency-Key", "lc").json().get("id").asText();
    assertThat(http.post("/v2/cards/" + id + "/unlock", null).status()).isEqualTo(400);
    assertThat(http.post("/v2/cards/" + id + "/lock", Http.obj("{}")).status()).isEqualTo(400);
    Http.Resp locked = http.post("/v2/cards/" + id + "/lock", Http.obj("{'reason':'CARD_LOST'}"));
    assertThat(locked.json().get("status").asText()).isEqualTo("LOCKED");
    assertThat(http.post("/v2/cards/" + id + "/lock", Http.obj("{'reason':'CARD_LOST'}")).status()).isEqualTo(400);
    assertThat(http.post("/v2/cards/" + id + "/unlock", null).json().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(http.post("/v2/cards/" + id + "/terminate", Http.obj("{'reason':'FRAUD','description':'x'}"))
        .json().get("status").asText()).isEqualTo("TERMINATED");
    assertThat(http.post("/v2/cards/" + id + "/terminate", Http.obj("{'reason':'FRAUD'}")).status()).isEqualTo(400);
    assertThat(http.post("/v2/cards/" + id + "/unlock", null).status()).isEqualTo(400);
    assertThat(http.post("/v2/cards/" + id + "/lock", Http.obj("{'reason':'OTHER'}")).status()).isEqualTo(400);
  }

  @Test
  void cardNumberMatchesLastFourAndUpdateChangesSpendControls() {
    String uid = brex.adminUserId();
    JsonNode card = http.post("/v2/cards", virtualCard(uid), "Idempotency-Key", "pan").json();
    String id = card.get("id").asText();
    JsonNode pan = http.get("/v2/cards/" + id + "/pan").json();
    assertThat(pan.get("number").asText()).hasSize(16).endsWith(card.get("last_four").asText());
    assertThat(pan.get("cvv").asText()).hasSize(3);
    assertThat(pan.get("holder_name").asText()).isEqualTo("Avery Admin");
    JsonNode updated = http.put("/v2/cards/" + id, Http.obj("{'spend_controls':{'spend_limit':{'amount':5000}},'metadata':{'po':'42'}}")).json();
    assertThat(updated.at("/spend_controls/spend_limit/amount").asLong()).isEqualTo(5000);
    assertThat(updated.at("/spend_controls/spend_duration").asText()).isEqualTo("MONTHLY");
    assertThat(updated.at("/metadata/po").asText()).isEqualTo("42");
  }

  @Test
  void secureEmailNeedsIdempotencyKeyAndAnswersEmpty200() {
    String id = brex.createCard(brex.adminUserId(), "VIRTUAL", "USER").get("id").asText();
    ObjectNode body = Http.obj("{'recipient_email':'x@acme.example','sender_name':'IT','expiry_days':7}");
    assertThat(http.post("/v2/cards/" + id + "/secure_email", body).status()).isEqualTo(400);
    Http.Resp ok = http.post("/v2/cards/" + id + "/secure_email", body, "Idempotency-Key", "se");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).isEmpty();
    assertThat(brex.secureEmails()).hasSize(1);
  }

  // ---------------------------------------------------------------- org data

  @Test
  void departmentsLocationsTitlesCompanyAndLegalEntities() {
    Http.Resp d = http.post("/v2/departments", Http.obj("{'name':'Engineering','description':'Builders'}"));
    assertThat(d.status()).isEqualTo(200);
    String depId = d.json().get("id").asText();
    assertThat(http.get("/v2/departments/" + depId).json().get("name").asText()).isEqualTo("Engineering");
    assertThat(http.get("/v2/departments?name=Engineering").json().get("items")).hasSize(1);
    assertThat(http.post("/v2/titles", Http.obj("{'name':''}")).status()).isEqualTo(400);
    assertThat(http.post("/v2/locations", Http.obj("{'name':'HQ'}")).status()).isEqualTo(200);
    JsonNode company = http.get("/v2/company").json();
    assertThat(company.has("accountType")).isTrue();
    assertThat(company.has("legal_name")).isTrue();
    JsonNode entities = http.get("/v2/legal_entities").json();
    assertThat(entities.at("/items/0/displayName").isTextual()).isTrue();
    String leId = entities.at("/items/0/id").asText();
    assertThat(http.get("/v2/legal_entities/" + leId).status()).isEqualTo(200);
    // a department can be assigned to users
    String uid = brex.createUser("D", "E", "de@acme.example").get("id").asText();
    assertThat(http.put("/v2/users/" + uid, Http.obj("{'department_id':'" + depId + "'}")).status()).isEqualTo(200);
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405() {
    assertThat(http.get("/v2/nothing").status()).isEqualTo(404);
    assertThat(http.delete("/v2/users/x").status()).isEqualTo(405);
  }

  // ---------------------------------------------------------------- introspection

  @Test
  void requestLogCountersSnapshotAndReset() {
    http.get("/v2/users/me");
    http.get("/v2/users/" + brex.adminUserId());
    invite("log@acme.example");
    assertThat(brex.count("GET", "/v2/users/{id}")).isEqualTo(1);
    assertThat(brex.count("GET", "/v2/users/me")).isEqualTo(1);
    assertThat(brex.count("POST", "/v2/users")).isEqualTo(1);
    RecordedCall last = brex.requests().get(brex.requests().size() - 1);
    assertThat(last.method()).isEqualTo("POST");
    assertThat(last.endpoint()).contains("/v2/users");
    assertThat(last.json().get("email").asText()).isEqualTo("log@acme.example");
    assertThat(last.header("Authorization")).contains("Bearer bxt_test");
    assertThat(last.toString()).doesNotContain("bxt_test");
    assertThat(brex.snapshot().get("user_count").asInt()).isEqualTo(2);
    brex.reset();
    assertThat(brex.requests()).isEmpty();
    assertThat(brex.userCount()).isEqualTo(1);
  }
}
