package org.brexsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.brexsync.brex.model.Card;
import org.brexsync.brex.model.CardType;
import org.brexsync.brex.model.LimitType;
import org.brexsync.brex.webhook.UserAttribute;
import org.brexsync.brex.webhook.UserUpdatedEvent;
import org.brexsync.connector.sync.RunStatus;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.examples.programs.InviteUserAndIssueCard;
import org.brexsync.examples.programs.OffboardPerson;
import org.brexsync.examples.programs.ReceiveWebhooks;
import org.brexsync.examples.programs.SyncUsers;
import org.brexsync.testkit.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example programs against a small sandbox. */
class ExampleProgramsTest {
  ExampleClients sandbox;

  @BeforeEach
  void start() {
    sandbox = ExampleClients.sandbox(25);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void syncUsers() {
    SyncReport report = SyncUsers.sync(sandbox.brex(), sandbox.oomnitza(), 25);

    assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(report.processed()).isEqualTo(25);
    assertThat(sandbox.sandbox().orElseThrow().oomnitza().userCount()).isEqualTo(25);
  }

  @Test
  void inviteUserAndIssueAVirtualVendorCard() {
    Card card = InviteUserAndIssueCard.inviteAndIssue(sandbox.brex(), "grace.hopper@acme.example", "Grace", "Hopper");

    assertThat(card.cardType()).contains(CardType.VIRTUAL);
    assertThat(card.limitType()).isEqualTo(LimitType.CARD);
    assertThat(card.spendControls().orElseThrow().spendLimit().amount()).isEqualTo(50_000);
    String owner = card.owner().userId();
    assertThat(sandbox.sandbox().orElseThrow().brex().user(owner).orElseThrow().get("email").asText())
        .isEqualTo("grace.hopper@acme.example");
  }

  @Test
  void offboardDeactivatesTheUserAndLocksActiveCards() {
    Sandbox s = sandbox.sandbox().orElseThrow();
    int i = s.company().indexOfEmail(someoneWithActiveCards(s));

    int locked = OffboardPerson.offboard(sandbox.brex(), s.company().email(i));

    assertThat(locked).isPositive();
    assertThat(s.brex().user(s.company().userId(i)).orElseThrow().get("status").asText()).isEqualTo("DISABLED");
    assertThat(s.brex().cardsOf(s.company().userId(i))).noneMatch(c -> c.get("status").asText().equals("ACTIVE"));
  }

  @Test
  void receiveAndVerifyAWebhook() throws Exception {
    UserUpdatedEvent event = ReceiveWebhooks.receive(sandbox.brex(), 0, true);

    assertThat(event.updatedAttributes()).contains(UserAttribute.STATUS);
    // The event names the user the example deactivated.
    assertThat(sandbox.sandbox().orElseThrow().brex().user(event.userId()).orElseThrow().get("status").asText()).isEqualTo("DISABLED");
  }

  private static String someoneWithActiveCards(Sandbox s) {
    for (int i = 1; i < s.company().size(); i++) {
      int user = i;
      if (s.company().status(i).equals("ACTIVE")
          && s.company().cards(i).stream().anyMatch(c -> c.get("status").asText().equals("ACTIVE"))) {
        return s.company().email(user);
      }
    }
    throw new IllegalStateException("none");
  }
}
