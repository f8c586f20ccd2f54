package org.brexsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticCompanyTest {

  @Test
  void sameSeedSameCompanyOtherSeedOtherCompany() {
    SyntheticCompany a = SyntheticCompany.generate(11, 200);
    SyntheticCompany b = SyntheticCompany.generate(11, 200);
    SyntheticCompany c = SyntheticCompany.generate(12, 200);
    assertThat(a.users().toList()).isEqualTo(b.users().toList());
    assertThat(a.cards().toList()).isEqualTo(b.cards().toList());
    assertThat(a.userId(0)).isNotEqualTo(c.userId(0));
  }

  @Test
  void usersAreRealisticAndUnique() {
    SyntheticCompany co = SyntheticCompany.generate(3, 2000);
    Set<String> emails = new HashSet<>();
    co.users().forEach(u -> emails.add(u.get("email").asText()));
    assertThat(emails).hasSize(2000);
    Map<String, Long> statuses = co.users().collect(Collectors.groupingBy(u -> u.get("status").asText(), Collectors.counting()));
    assertThat(statuses.get("ACTIVE")).isGreaterThan(1400);
    assertThat(statuses).containsKeys("INVITED", "DISABLED");
    ObjectNode u = co.user(42);
    assertThat(u.get("manager_id").asText()).isEqualTo(co.userId(co.manager(42)));
    assertThat(u.get("department_id").asText()).startsWith("cudept_");
    Set<String> depIds = co.departments().stream().map(d -> d.get("id").asText()).collect(Collectors.toSet());
    assertThat(depIds).contains(u.get("department_id").asText());
    assertThat(co.user(0).get("manager_id").isNull()).isTrue();
  }

  @Test
  void cardsFollowTheBrexRules() {
    SyntheticCompany co = SyntheticCompany.generate(5, 1000);
    Map<String, Long> types = co.cards().collect(Collectors.groupingBy(c -> c.get("card_type").asText(), Collectors.counting()));
    assertThat(types).containsKeys("VIRTUAL", "PHYSICAL");
    co.cards().forEach(c -> {
      boolean vendor = c.get("limit_type").asText().equals("CARD");
      assertThat(c.get("spend_controls").isNull()).isEqualTo(!vendor);
      if (vendor) {
        assertThat(c.get("card_type").asText()).isEqualTo("VIRTUAL");
      }
      if (c.get("card_type").asText().equals("PHYSICAL")) {
        assertThat(c.get("mailing_address").get("country").asText()).isEqualTo("US");
      }
    });
    for (int i = 0; i < 1000; i++) {
      int n = co.cardCount(i);
      assertThat(n).isBetween(0, 3);
      for (int k = 0; k < n; k++) {
        assertThat(co.pan(i, k)).endsWith(co.card(i, k).get("last_four").asText());
        assertThat(luhnValid(co.pan(i, k))).isTrue();
      }
    }
  }

  @Test
  void idsEmailsAndHrIdsDecodeBackToTheirIndex() {
    SyntheticCompany co = SyntheticCompany.generate(9, 5000);
    for (int i : new int[] {0, 1, 77, 4999}) {
      assertThat(co.indexOfUserId(co.userId(i))).isEqualTo(i);
      assertThat(co.indexOfEmail(co.email(i).toUpperCase())).isEqualTo(i);
      assertThat(co.indexOfRemoteDisplayId(co.remoteDisplayId(i))).isEqualTo(i);
    }
    assertThat(co.indexOfUserId("cuuser_unknown")).isEqualTo(-1);
    assertThat(co.indexOfEmail("someone@elsewhere.example")).isEqualTo(-1);
    assertThat(SyntheticCompany.generate(10, 5000).indexOfUserId(co.userId(1))).isEqualTo(-1);
  }

  @Test
  void aMillionUserCompanyIsServedWithoutHoldingIt() {
    SyntheticCompany co = SyntheticCompany.generate(1, 1_000_000);
    try (BrexSimulator brex = BrexSimulator.builder().company(co).start()) {
      Http http = Http.brex(brex);
      assertThat(brex.userCount()).isEqualTo(1_000_000);
      JsonNode last = http.get("/v2/users/" + co.userId(999_999)).json();
      assertThat(last.get("email").asText()).isEqualTo(co.email(999_999));
      JsonNode page = http.get("/v2/users?limit=1000").json();
      assertThat(page.get("items")).hasSize(1000);
      assertThat(page.get("next_cursor").isNull()).isFalse();
      JsonNode byEmail = http.get("/v2/users?email=" + co.email(654_321)).json();
      assertThat(byEmail.at("/items/0/id").asText()).isEqualTo(co.userId(654_321));
      assertThat(http.get("/v2/cards?user_id=" + co.userId(999_999)).json().get("items"))
          .hasSize(co.cardCount(999_999));
      // Serving generated users and cards stored none of them: the simulator holds only what the
      // API created or changed, so a million users cost no memory (SyntheticCompany stores nothing).
      JsonNode held = brex.snapshot();
      assertThat(held.get("seeded_users").asInt()).isEqualTo(1_000_000);
      assertThat(held.get("changed_users")).isEmpty();
      assertThat(held.get("changed_cards")).isEmpty();
      assertThat(held.get("limits")).isEmpty();
    }
  }

  @Test
  void oomnitzaUsersMirrorBrexUsers() {
    SyntheticCompany co = SyntheticCompany.generate(2, 10);
    Function<Integer, ObjectNode> o = co::oomnitzaUser;
    assertThat(o.apply(3).get("email").asText()).isEqualTo(co.email(3));
    assertThat(o.apply(3).get("username").asText()).isEqualTo(co.email(3));
    assertThat(co.oomnitzaUsers().count()).isEqualTo(10);
  }

  static boolean luhnValid(String digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }
}
