package org.brexsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's examples, compiled and run so they stay true. */
class ReadmeExampleTest {
  static BrexSimulator brex;
  static OomnitzaSimulator oomnitza;

  @BeforeAll
  static void start() {
    brex = BrexSimulator.builder()
        .company(CompanySpec.of(7, 500))
        .start();
    oomnitza = OomnitzaSimulator.builder()
        .customField("brex_department", false)
        .start();
  }

  @AfterAll
  static void stop() {
    brex.close();
    oomnitza.close();
  }

  @BeforeEach
  void clean() {
    brex.reset();
    oomnitza.reset();
  }

  @Test
  void syncsUsers() {
    URI brexBase = brex.baseUri();
    String brexToken = brex.token();
    URI oomnitzaBase = oomnitza.baseUri();
    String oomnitzaToken = oomnitza.apiToken();
    assertThat(brexBase.getHost()).isEqualTo("127.0.0.1");
    assertThat(oomnitzaBase.getPort()).isPositive();
    // "the code under test": copy one Brex user into Oomnitza over HTTP
    Http b = new Http(brexBase, "Authorization", "Bearer " + brexToken);
    Http o = new Http(oomnitzaBase, "Authorization2", oomnitzaToken);
    String email = brex.company().get().email(3);
    var user = b.get("/v2/users?email=" + email).json().at("/items/0");
    o.post("/api/v3/users", Http.MAPPER.createObjectNode().put("username", email).put("email", email)
        .put("brex_user_id", user.get("id").asText()));
    assertThat(oomnitza.userBy("email", brex.company().get().email(3))).isPresent();
    assertThat(brex.count("GET", "/v2/users")).isEqualTo(1);
  }

  @Test
  void faultsAndGenerators() {
    brex.faults().failNext(2, 503);
    brex.faults().burst429(3);
    brex.faults().on("POST", "/v2/cards").resetAfterNext(1);
    brex.faults().on("GET", "/v2/users").truncateNext(1);
    oomnitza.faults().malformedNext(1);
    oomnitza.faults().slowBodyNext(1, Duration.ofSeconds(2));
    brex.faults().seed(42).errorRate(0.05, 500, 502, 503)
        .resetRate(0.01)
        .latency(Duration.ofMillis(5), Duration.ofMillis(25));
    brex.faults().clear();
    oomnitza.faults().clear();

    SyntheticCompany co = SyntheticCompany.of(CompanySpec.builder()
        .seed(7).users(1_000_000).name("Dunder Mifflin").domain("dundermifflin.example").build());
    ObjectNode u = co.user(12);
    assertThat(u.get("email").asText()).endsWith("@dundermifflin.example");
    assertThat(co.cards(12).size()).isBetween(0, 3);
    brex.seed(co);
    oomnitza.seedUsers(co.oomnitzaUsers().limit(800));
    assertThat(brex.userCount()).isEqualTo(1_000_000);
    assertThat(oomnitza.userCount()).isEqualTo(800);
  }
}
