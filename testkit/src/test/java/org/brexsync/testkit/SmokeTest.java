package org.brexsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void brexAndOomnitzaAnswer() {
    try (BrexSimulator brex = BrexSimulator.start(); OomnitzaSimulator oom = OomnitzaSimulator.start()) {
      Http b = Http.brex(brex);
      Http.Resp r = b.get("/v2/users/me");
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.header("X-Brex-Trace-Id")).isNotBlank();
      Http.Resp u = b.post("/v2/users", Http.obj("{'first_name':'Karen','last_name':'F','email':'k@x.example'}"));
      assertThat(u.status()).as(u.toString()).isEqualTo(200);
      String uid = u.json().get("id").asText();
      Http.Resp c = b.post("/v2/cards", Http.obj("{'owner':{'type':'USER','user_id':'" + uid + "'},'card_name':'A','card_type':'VIRTUAL','limit_type':'USER'}"),
          "Idempotency-Key", "k1");
      assertThat(c.status()).as(c.toString()).isEqualTo(200);
      Http.Resp list = b.get("/v2/cards?user_id=" + uid);
      assertThat(list.json().get("items")).hasSize(1);

      Http o = Http.oomnitza(oom);
      Http.Resp cu = o.post("/api/v3/users", Http.obj("{'username':'k','email':'k@x.example','first_name':'Karen'}"));
      assertThat(cu.status()).as(cu.toString()).isEqualTo(200);
      Http.Resp lu = o.get("/api/v3/users?filter=" + java.net.URLEncoder.encode("email eq 'K@x.example'", java.nio.charset.StandardCharsets.UTF_8));
      assertThat(lu.status()).as(lu.toString()).isEqualTo(200);
      assertThat(lu.json()).hasSize(1);
      assertThat(lu.header("X-Total-Count")).isEqualTo("1");
    }
  }
}
