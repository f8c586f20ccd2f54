package org.brexsync.examples.programs;

import org.brexsync.brex.BrexClient;
import org.brexsync.brex.model.Card;
import org.brexsync.brex.model.CardOwner;
import org.brexsync.brex.model.CardType;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.LimitType;
import org.brexsync.brex.model.Money;
import org.brexsync.brex.model.SpendControlRequest;
import org.brexsync.brex.model.SpendDuration;
import org.brexsync.brex.model.User;
import org.brexsync.examples.ExampleClients;

/**
 * Invites a user to Brex and issues them a virtual vendor card with its own monthly limit.
 * Usage: {@code InviteUserAndIssueCard EMAIL FIRST LAST} (required against real Brex).
 */
public final class InviteUserAndIssueCard {
  private InviteUserAndIssueCard() {}

  public static void main(String[] args) {
    try (ExampleClients c = ExampleClients.fromEnvironment()) {
      if (args.length < 3 && !c.isSandbox()) {
        System.err.println("usage: InviteUserAndIssueCard EMAIL FIRST LAST");
        System.exit(2);
      }
      String email = args.length >= 3 ? args[0] : "ada.lovelace@acme.example";
      Card card = inviteAndIssue(c.brex(), email, args.length >= 3 ? args[1] : "Ada", args.length >= 3 ? args[2] : "Lovelace");
      System.out.println("Issued " + card.cardName() + " (" + card.id() + ", ends " + card.lastFour() + ") to " + email);
    }
  }

  /** Invites the user, then creates a virtual card limited to $500 a month for one vendor. */
  public static Card inviteAndIssue(BrexClient brex, String email, String first, String last) {
    User user = brex.users().invite(InviteUserRequest.builder().email(email).firstName(first).lastName(last).build());
    System.out.println("Invited " + user.email() + " as " + user.id() + " (" + user.status().orElseThrow() + ")");
    return brex.cards().create(CreateCardRequest.builder()
        .owner(CardOwner.user(user.id()))
        .cardName("Figma subscription")
        .cardType(CardType.VIRTUAL)
        .limitType(LimitType.CARD) // the card has its own limit instead of sharing the user's
        .spendControls(SpendControlRequest.builder()
            .spendLimit(Money.usd(50_000)) // cents
            .spendDuration(SpendDuration.MONTHLY)
            .reason("Design tool seats")
            .build())
        .build()); // an Idempotency-Key is generated and reused on retries
  }
}
