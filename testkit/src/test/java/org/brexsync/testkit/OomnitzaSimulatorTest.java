package org.brexsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OomnitzaSimulatorTest {
  static OomnitzaSimulator oom;
  static Http http;

  @BeforeAll
  static void start() {
    oom = OomnitzaSimulator.builder().apiToken("tok-1").account("svc", "s3cret").customField("employee_no", false).start();
    http = Http.oomnitza(oom);
  }

  @AfterAll
  static void stop() {
    oom.close();
  }

  @BeforeEach
  void reset() {
    oom.reset();
  }

  static String q(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  private static Http.Resp create(String username, String email, String extra) {
    return http.post("/api/v3/users", Http.obj("{'username':'" + username + "','email':'" + email + "','first_name':'F','last_name':'L'"
        + (extra.isEmpty() ? "" : "," + extra) + "}"));
  }

  // ---------------------------------------------------------------- auth

  @Test
  void authorization2IsRequiredAndBearerIsNotAccepted() {
    assertThat(http.withAuth(null).get("/api/v3/users").status()).isEqualTo(401);
    assertThat(new Http(oom.baseUri(), "Authorization", "Bearer tok-1").get("/api/v3/users").status()).isEqualTo(401);
    assertThat(http.withAuth("Bearer tok-1").get("/api/v3/users").status()).isEqualTo(401);
    Http.Resp ok = http.get("/api/v3/users");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().isArray()).isTrue();
  }

  @Test
  void requestTokenIssuesANewTokenAndInvalidatesThePreviousOne() {
    HttpRequest form = HttpRequest.newBuilder(oom.baseUri().resolve("/api/request_token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("login=svc&password=s3cret")).build();
    String t1 = http.send(form).json().get("token").asText();
    assertThat(http.withAuth(t1).get("/api/v3/users").status()).isEqualTo(200);
    String t2 = http.send(form).json().get("token").asText();
    assertThat(t2).isNotEqualTo(t1);
    assertThat(http.withAuth(t1).get("/api/v3/users").status()).isEqualTo(401);
    assertThat(http.withAuth(t2).get("/api/v3/users").status()).isEqualTo(200);
    HttpRequest wrong = HttpRequest.newBuilder(oom.baseUri().resolve("/api/request_token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("login=svc&password=nope")).build();
    assertThat(http.send(wrong).status()).isEqualTo(401);
    HttpRequest json = HttpRequest.newBuilder(oom.baseUri().resolve("/api/request_token"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"svc\",\"password\":\"s3cret\"}")).build();
    assertThat(http.send(json).status()).as("the endpoint is form-encoded").isEqualTo(400);
  }

  // ---------------------------------------------------------------- users

  @Test
  void createGetPatchDeleteByUsernameUidAndUserId() {
    Http.Resp c = create("kfilippelli", "karen@acme.example", "'suspended':false,'role':25");
    assertThat(c.status()).as(c.toString()).isEqualTo(200);
    JsonNode u = c.json();
    assertThat(u.get("uid").isIntegralNumber()).isTrue();
    assertThat(u.get("user_id").asText()).hasSize(32);
    assertThat(u.get("role").asInt()).isEqualTo(25);
    assertThat(http.get("/api/v3/users/kfilippelli").json().get("email").asText()).isEqualTo("karen@acme.example");
    assertThat(http.get("/api/v3/users/" + u.get("uid").asText()).status()).isEqualTo(200);
    JsonNode patched = http.patch("/api/v3/users/" + u.get("user_id").asText(), Http.obj("{'position':'Manager','suspended':true}")).json();
    assertThat(patched.get("position").asText()).isEqualTo("Manager");
    assertThat(patched.get("suspended").asBoolean()).isTrue();
    assertThat(patched.get("first_name").asText()).as("partial update keeps other fields").isEqualTo("F");
    assertThat(http.delete("/api/v3/users/kfilippelli").status()).isEqualTo(200);
    assertThat(http.get("/api/v3/users/kfilippelli").status()).isEqualTo(404);
  }

  @Test
  void alternativeIdLooksUsersUpByAnotherUniqueField() {
    create("jim", "jim@acme.example", "'brex_user_id':'cuuser_42'");
    assertThat(http.get("/api/v3/users/cuuser_42?alternative_id=brex_user_id").json().get("username").asText()).isEqualTo("jim");
    assertThat(http.patch("/api/v3/users/JIM@acme.example?alternative_id=email", Http.obj("{'position':'Sales'}")).status())
        .isEqualTo(200);
    assertThat(http.get("/api/v3/users/nobody?alternative_id=brex_user_id").status()).isEqualTo(404);
    assertThat(http.get("/api/v3/users/x?alternative_id=position").status()).isEqualTo(400);
  }

  @Test
  void uniqueFieldsAreEnforcedCaseInsensitively() {
    create("a", "a@acme.example", "'brex_user_id':'cuuser_1'");
    assertThat(create("A", "other@acme.example", "").status()).isEqualTo(400);
    assertThat(create("b", "A@ACME.example", "").status()).isEqualTo(400);
    Http.Resp dupBrex = create("c", "c@acme.example", "'brex_user_id':'cuuser_1'");
    assertThat(dupBrex.status()).isEqualTo(400);
    assertThat(dupBrex.json().at("/errors/0/message").asText()).contains("brex_user_id");
    create("d", "d@acme.example", "");
    assertThat(http.patch("/api/v3/users/d", Http.obj("{'email':'a@acme.example'}")).status()).isEqualTo(400);
    assertThat(oom.userCount()).isEqualTo(2);
  }

  @Test
  void unknownFieldsAndWrongTypesAreRejected() {
    assertThat(create("x", "x@acme.example", "'brexUserId':'1'").status()).isEqualTo(400);
    assertThat(create("x", "x@acme.example", "'suspended':'maybe'").status()).isEqualTo(400);
    assertThat(create("x", "x@acme.example", "'role':'admin'").status()).isEqualTo(400);
    assertThat(http.post("/api/v3/users", Http.obj("{'email':'nouser@acme.example'}")).status()).isEqualTo(400);
    Http.Resp ignored = http.post("/api/v3/users", Http.obj("{'username':'y','unknown_field':'v'}"),
        "Oomnitza-Allow-Unknown-Meta-Fields", "1");
    assertThat(ignored.status()).isEqualTo(200);
    assertThat(ignored.json().has("unknown_field")).isFalse();
    assertThat(create("z", "z@acme.example", "'employee_no':'E1'").json().get("employee_no").asText()).isEqualTo("E1");
  }

  @Test
  void listSupportsLimitSkipSortFieldsAndTotalCount() {
    for (int i = 0; i < 25; i++) {
      create(String.format("user%02d", i), "u" + i + "@acme.example", "'position':'" + (i % 2 == 0 ? "Even" : "Odd") + "'");
    }
    Http.Resp page = http.get("/api/v3/users?limit=10&skip=20&sortby=" + q("username asc"));
    assertThat(page.header("X-Total-Count")).isEqualTo("25");
    assertThat(page.json()).hasSize(5);
    assertThat(page.json().get(0).get("username").asText()).isEqualTo("user20");
    JsonNode desc = http.get("/api/v3/users?limit=1&sortby=" + q("username desc")).json();
    assertThat(desc.get(0).get("username").asText()).isEqualTo("user24");
    JsonNode fields = http.get("/api/v3/users?limit=1&fields=username,email").json().get(0);
    assertThat(fields.size()).isEqualTo(2);
    Http.Resp filtered = http.get("/api/v3/users?filter=" + q("position eq 'Odd'"));
    assertThat(filtered.header("X-Total-Count")).isEqualTo("12");
    assertThat(http.get("/api/v3/users?sortby=nope").status()).isEqualTo(400);
    assertThat(http.get("/api/v3/users?fields=nope").status()).isEqualTo(400);
    assertThat(http.get("/api/v3/users?limit=abc").status()).isEqualTo(400);
  }

  @Test
  void filtersAreParsedAndUnsupportedSyntaxIs400() {
    oom.addUser(Http.MAPPER.createObjectNode().put("username", "o'neil").put("email", "oneil@acme.example")
        .put("last_name", "O'Neil"));
    create("jim", "jim@acme.example", "'position':'Sales'");
    create("pam", "pam@acme.example", "'position':'Reception'");
    assertThat(http.get("/api/v3/users?filter=" + q("username eq 'o''neil'")).json()).hasSize(1);
    assertThat(http.get("/api/v3/users?filter=" + q("last_name eq \"O'Neil\"")).json()).hasSize(1);
    assertThat(http.get("/api/v3/users?filter=" + q("username IN ('jim','pam')")).json()).hasSize(2);
    assertThat(http.get("/api/v3/users?filter=" + q("email LIKE '%@acme.example'")).json()).hasSize(3);
    assertThat(http.get("/api/v3/users?filter=" + q("position IS NULL")).json()).hasSize(1);
    assertThat(http.get("/api/v3/users?filter=" + q("(position eq 'Sales' or position eq 'Reception') and not username eq 'jim'")).json())
        .hasSize(1);
    assertThat(http.get("/api/v3/users?filter=" + q("username BETWEEN 'a' AND 'k'")).json()).hasSize(1);
    for (String bad : new String[] {"username eq", "username ~ 'x'", "nofield eq 'x'", "(username eq 'x'",
        "username eq 'unterminated", "username eq 'a' xor email eq 'b'", "last_name eq \"O\"\"Neil\"",
        "last_name eq \"O\\'Neil\""}) {
      Http.Resp r = http.get("/api/v3/users?filter=" + q(bad));
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.json().at("/errors/0/message").asText()).startsWith("Invalid filter");
    }
  }

  // ---------------------------------------------------------------- bulk

  private static JsonNode bulk(String portion, String records, String opts) {
    Http.Resp r = http.post("/api/v3/bulk", Http.obj("{'connector_version':'2026.08.1','sync_field':['EMAIL'],'records':" + records
        + ",'portion':'" + portion + "','data_type':'users','insert_only':false,'update_only':false,'error':null,"
        + "'test_run':false,'multi_str_input_value':null,'connector_name':'Brex'" + (opts.isEmpty() ? "" : "," + opts) + "}"));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json();
  }

  @Test
  void bulkUpsertsBySyncFieldAndRunLogsCountEveryOutcome() {
    create("existing", "existing@acme.example", "'position':'Old'");
    create("same", "same@acme.example", "'position':'Same'");
    String portion = UUID.randomUUID().toString();
    String fid = OomnitzaSimulator.customFieldId("brex_user_id");
    JsonNode result = bulk(portion, "[{'USER':'new','EMAIL':'new@acme.example','FIRST_NAME':'N','" + fid + "':'cuuser_9'},"
        + "{'USER':'existing','EMAIL':'EXISTING@acme.example','POSITION':'New'},"
        + "{'USER':'same','EMAIL':'same@acme.example','POSITION':'Same'},"
        + "{'USER':'bad','EMAIL':'bad@acme.example','NOT_A_FIELD':'x'},"
        + "{'USER':'existing','EMAIL':'dup@acme.example'}]", "");
    assertThat(result.at("/objects/added").asInt()).isEqualTo(1);
    assertThat(result.at("/objects/updated").asInt()).isEqualTo(1);
    assertThat(result.at("/objects/unchanged").asInt()).isEqualTo(1);
    assertThat(result.at("/objects/failed").asInt()).isEqualTo(2);
    assertThat(result.get("errors")).hasSize(2);
    assertThat(oom.userBy("email", "new@acme.example").orElseThrow().get("brex_user_id").asText()).isEqualTo("cuuser_9");
    assertThat(oom.userBy("username", "existing").orElseThrow().get("position").asText()).isEqualTo("New");

    assertThat(http.get("/api/v3/bulk/" + portion).json().get("canceled").asBoolean()).isFalse();
    JsonNode fin = http.post("/api/v3/bulk/" + portion + "/finalize", Http.obj("{}")).json();
    assertThat(fin.get("status").asText()).isEqualTo("Completed with errors");
    JsonNode logs = http.get("/api/v3/connector_run_logs/Brex").json();
    assertThat(logs).hasSize(1);
    assertThat(logs.get(0).get("added_records_count").asInt()).isEqualTo(1);
    assertThat(logs.get(0).get("error_logs_count").asInt()).isEqualTo(2);
    JsonNode details = http.get("/api/v3/connector_run_logs/connectors/" + portion).json();
    assertThat(details.at("/objects/updated").asInt()).isEqualTo(1);
    assertThat(details.at("/objects/unchanged").asInt()).isEqualTo(1);
    assertThat(details.at("/logs/failed")).hasSize(2);
    assertThat(details.at("/logs/failed/0/message").asText()).contains("NOT_A_FIELD");
    assertThat(http.post("/api/v3/bulk", Http.obj("{'records':[],'portion':'" + portion + "','data_type':'users','connector_name':'Brex'}")).status())
        .as("a finalized run takes no more batches").isEqualTo(409);
  }

  @Test
  void bulkAnswersWithoutDetailsStillRejectTheRecordAndLogItInTheRunLog() {
    try (OomnitzaSimulator bare = OomnitzaSimulator.builder().bulkAnswerDetails(false).start()) {
      Http h = Http.oomnitza(bare);
      h.post("/api/v3/users", Http.obj("{'username':'taken','email':'taken@acme.example'}"));
      String portion = UUID.randomUUID().toString();
      Http.Resp r = h.post("/api/v3/bulk", Http.obj("{'records':[{'USER':'fresh','EMAIL':'fresh@acme.example'},"
          + "{'USER':'taken','EMAIL':'other@acme.example'}],'sync_field':['EMAIL'],'portion':'" + portion
          + "','data_type':'users','connector_name':'Brex'}"));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().has("objects")).as("no counts in the answer").isFalse();
      assertThat(r.json().has("errors")).as("no per-record errors in the answer").isFalse();
      assertThat(r.json().get("portion").asText()).isEqualTo(portion);
      assertThat(bare.userBy("email", "fresh@acme.example")).isPresent();
      assertThat(bare.userBy("email", "other@acme.example")).as("unique username clash: rejected").isEmpty();
      JsonNode details = h.get("/api/v3/connector_run_logs/connectors/" + portion).json();
      assertThat(details.at("/objects/failed").asInt()).isEqualTo(1);
      assertThat(details.at("/logs/failed/0/record").asText()).isEqualTo("other@acme.example");
      assertThat(details.at("/logs/failed/0/message").asText()).contains("'username'").contains("already used");
    }
  }

  @Test
  void unknownBulkPayloadFieldsAreRejected() {
    Http.Resp r = http.post("/api/v3/bulk", Http.obj("{'records':[],'portion':'p','data_type':'users','connector_name':'Brex',"
        + "'syncField':['USER']}"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/errors/0/message").asText()).contains("syncField");
  }

  @Test
  void insertOnlyAndUpdateOnlySkipAndAreMutuallyExclusive() {
    create("a", "a@acme.example", "");
    String p = UUID.randomUUID().toString();
    JsonNode ins = bulk(p, "[{'USER':'a','EMAIL':'a@acme.example','POSITION':'X'},{'USER':'b','EMAIL':'b@acme.example'}]",
        "'insert_only':true");
    assertThat(ins.at("/objects/skipped").asInt()).isEqualTo(1);
    assertThat(ins.at("/objects/added").asInt()).isEqualTo(1);
    JsonNode upd = bulk(p, "[{'USER':'a','EMAIL':'a@acme.example','POSITION':'Y'},{'USER':'c','EMAIL':'c@acme.example'}]",
        "'update_only':true");
    assertThat(upd.at("/objects/skipped").asInt()).isEqualTo(1);
    assertThat(upd.at("/objects/updated").asInt()).isEqualTo(1);
    assertThat(oom.userBy("username", "c")).isEmpty();
    Http.Resp both = http.post("/api/v3/bulk", Http.obj("{'records':[],'portion':'x','data_type':'users','connector_name':'Brex',"
        + "'insert_only':true,'update_only':true}"));
    assertThat(both.status()).isEqualTo(400);
  }

  @Test
  void canceledRunRejectsBatchesAndReportsCanceled() {
    String p = UUID.randomUUID().toString();
    bulk(p, "[{'USER':'a','EMAIL':'a@acme.example'}]", "");
    oom.cancelRun(p);
    assertThat(http.get("/api/v3/bulk/" + p).json().get("canceled").asBoolean()).isTrue();
    Http.Resp late = http.post("/api/v3/bulk", Http.obj("{'records':[],'portion':'" + p + "','data_type':'users','connector_name':'Brex'}"));
    assertThat(late.status()).isEqualTo(409);
    assertThat(oom.run(p).orElseThrow().get("status").asText()).isEqualTo("Canceled");
  }

  @Test
  void fatalErrorAndTestRunAreRecorded() {
    String p = UUID.randomUUID().toString();
    bulk(p, "[]", "'error':'Traceback: boom','error_type':'Fatal Error'");
    http.post("/api/v3/bulk/" + p + "/finalize", Http.obj("{}"));
    JsonNode d = oom.run(p).orElseThrow();
    assertThat(d.get("status").asText()).isEqualTo("Failed");
    assertThat(d.at("/logs/Fatal Error/0/message").asText()).isEqualTo("Traceback: boom");
    String t = UUID.randomUUID().toString();
    bulk(t, "[{'USER':'t','EMAIL':'t@acme.example'}]", "'test_run':true");
    assertThat(oom.userCount()).as("a test run changes nothing").isZero();
    assertThat(oom.run(t).orElseThrow().get("test_run_payload")).hasSize(1);
    String e = UUID.randomUUID().toString();
    bulk(e, "[]", "");
    http.post("/api/v3/bulk/" + e + "/finalize", Http.obj("{}"));
    assertThat(oom.run(e).orElseThrow().get("status").asText()).isEqualTo("Completed with empty response");
  }

  @Test
  void readyPortionsAreFinalizedRuns() {
    Http.Resp failed = http.post("/api/v3/bulk/268/add_ready_portion", Http.obj("{'correlation_id':'c-1','failed':1,"
        + "'error_message':'Cannot reach Brex','test_run':false,'multi_str_input_value':null,'error_type':'Fatal Error'}"));
    assertThat(failed.json().get("status").asText()).isEqualTo("Failed");
    http.post("/api/v3/bulk/268/add_ready_portion", Http.obj("{'correlation_id':'c-2','is_empty_run':true,'multi_str_input_value':null}"));
    JsonNode runs = http.get("/api/v3/connector_run_logs/268?sortby=" + q("portion_id asc")).json();
    assertThat(runs).hasSize(2);
    assertThat(runs.get(1).get("status").asText()).isEqualTo("Completed with empty response");
    assertThat(http.get("/api/v3/connector_run_logs/268?filter=" + q("status eq 'Failed'")).json()).hasSize(1);
  }

  // ---------------------------------------------------------------- SaaS

  @Test
  void saasUsersCanBeAssignedActivatedDeactivatedAndLinked() {
    create("jim", "jim@acme.example", "");
    create("pam", "pam@acme.example", "");
    String saas = oom.saasId("Brex");
    JsonNode assigned = http.post("/api/v3/saas/" + saas + "/users",
        Http.MAPPER.valueToTree(java.util.List.of(java.util.Map.of("user_id", "jim", "assign", true),
            java.util.Map.of("user_id", "pam", "assign", true)))).json();
    assertThat(assigned).hasSize(2);
    String suid = assigned.get(0).get("saas_user_id").asText();
    assertThat(http.get("/api/v3/saas/" + saas + "/users").json()).hasSize(2);
    JsonNode deact = http.patch("/api/v3/saas_users/deactivate", Http.obj("{'saas_user_ids':['" + suid + "','missing']}")).json();
    assertThat(deact.get(0).get("error").isNull()).isTrue();
    assertThat(deact.get(1).get("error").asText()).isNotEmpty();
    assertThat(http.get("/api/v3/saas_users?filter=" + q("status eq 'inactive'")).json()).hasSize(1);
    http.patch("/api/v3/saas_users/activate", Http.obj("{'saas_user_ids':['" + suid + "']}"));
    assertThat(http.get("/api/v3/saas_users?filter=" + q("status eq 'active'")).json()).hasSize(2);
    JsonNode linked = http.post("/api/v3/saas/" + saas + "/users/jim", Http.obj("{'user_external_id':'cuuser_jim'}")).json();
    assertThat(linked.get("user_external_id").asText()).isEqualTo("cuuser_jim");
    http.post("/api/v3/saas/" + saas + "/users",
        Http.MAPPER.valueToTree(java.util.List.of(java.util.Map.of("user_id", "pam", "assign", false))));
    assertThat(oom.saasUsers()).hasSize(1);
    assertThat(http.get("/api/v3/saas/unknown/users").status()).isEqualTo(404);
  }

  // ---------------------------------------------------------------- seeding & faults

  @Test
  void seedsFromASyntheticCompanyAndInjectsFaults() {
    SyntheticCompany co = SyntheticCompany.generate(5, 30);
    oom.seedUsers(co.oomnitzaUsers().limit(20));
    assertThat(oom.userCount()).isEqualTo(20);
    assertThat(oom.userBy("email", co.email(3))).isPresent();
    oom.faults().on("GET", "/api/v3/users").failNext(1, 502);
    Http.Resp r = http.get("/api/v3/users");
    assertThat(r.status()).isEqualTo(502);
    assertThat(r.json().has("errors")).isTrue();
    assertThat(http.get("/api/v3/users").status()).isEqualTo(200);
    assertThat(oom.count("GET", "/api/v3/users")).isEqualTo(2);
  }
}
