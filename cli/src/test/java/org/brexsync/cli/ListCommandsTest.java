package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.brexsync.testkit.Sandbox;
import org.brexsync.testkit.SyntheticCompany;
import org.junit.jupiter.api.Test;

/** {@code users list} and {@code cards list} in the sandbox. */
class ListCommandsTest {
  private static final SyntheticCompany COMPANY = SyntheticCompany.generate(Sandbox.SEED, 12);

  @Test
  void usersListIsATableOfTheSandboxCompany() {
    Cli.Result r = Cli.run("users", "list", "--sandbox-users", "12");

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.err()).contains("SANDBOX");
    assertThat(r.out()).contains("ID", "NAME", "EMAIL", "STATUS", "DEPARTMENT", "12 users")
        .contains(COMPANY.userId(0), COMPANY.email(11), COMPANY.departmentName(COMPANY.department(0)));
  }

  @Test
  void usersListAsJson() throws Exception {
    Cli.Result r = Cli.run("users", "list", "--sandbox-users", "12", "--json", "--limit", "3");

    JsonNode users = new ObjectMapper().readTree(r.out());
    assertThat(r.code()).isEqualTo(0);
    assertThat(users.isArray()).isTrue();
    assertThat(users).hasSize(3);
    assertThat(users.get(0).get("id").asText()).isEqualTo(COMPANY.userId(0));
    assertThat(users.get(0).get("first_name").asText()).isEqualTo(COMPANY.firstName(0));
  }

  @Test
  void usersListByEmail() {
    Cli.Result r = Cli.run("users", "list", "--sandbox-users", "12", "--email", COMPANY.email(5));

    assertThat(r.out()).contains(COMPANY.userId(5), "1 user").doesNotContain(COMPANY.userId(4));
  }

  @Test
  void cardsListOfOneUser() {
    int holder = firstCardHolder();

    Cli.Result r = Cli.run("cards", "list", "--sandbox-users", "12", "--user", COMPANY.userId(holder));

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.out()).contains("OWNER", "LAST 4", COMPANY.cardId(holder, 0),
        COMPANY.cardCount(holder) + (COMPANY.cardCount(holder) == 1 ? " card" : " cards"));
    assertThat(r.out().lines().skip(2).filter(l -> l.startsWith("ncard_"))).allSatisfy(l -> assertThat(l).contains(COMPANY.userId(holder)));
  }

  @Test
  void cardsListAsJson() throws Exception {
    long total = COMPANY.cards().count();

    Cli.Result r = Cli.run("cards", "list", "--sandbox-users", "12", "--json");

    JsonNode cards = new ObjectMapper().readTree(r.out());
    assertThat(cards).hasSize((int) total);
    assertThat(cards.get(0).has("last_four")).isTrue();
    assertThat(r.out()).doesNotContain("\"number\"", "cvv");
  }

  private static int firstCardHolder() {
    for (int i = 0; i < COMPANY.size(); i++) {
      if (COMPANY.cardCount(i) > 0) {
        return i;
      }
    }
    throw new IllegalStateException("no card holder");
  }
}
