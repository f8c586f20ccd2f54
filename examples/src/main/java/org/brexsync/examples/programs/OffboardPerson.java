package org.brexsync.examples.programs;

import org.brexsync.brex.BrexClient;
import org.brexsync.brex.model.Card;
import org.brexsync.brex.model.CardStatus;
import org.brexsync.brex.model.ChangeCardReason;
import org.brexsync.brex.model.ListCardsRequest;
import org.brexsync.brex.model.ListUsersRequest;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.User;
import org.brexsync.examples.ExampleClients;
import org.brexsync.testkit.SyntheticCompany;

/**
 * Offboards a person: deactivates their Brex user and locks every active card they hold.
 * Usage: {@code OffboardPerson EMAIL} (required against real Brex).
 */
public final class OffboardPerson {
  private OffboardPerson() {}

  public static void main(String[] args) {
    try (ExampleClients c = ExampleClients.fromEnvironment()) {
      if (args.length < 1 && !c.isSandbox()) {
        System.err.println("usage: OffboardPerson EMAIL");
        System.exit(2);
      }
      String email = args.length > 0 ? args[0] : someoneWithActiveCards(c.sandbox().orElseThrow().company());
      System.out.println("Locked " + offboard(c.brex(), email) + " card(s) of " + email);
    }
  }

  /** Deactivates the user with this email and locks their active cards; returns how many were locked. */
  public static int offboard(BrexClient brex, String email) {
    User user = brex.users().list(ListUsersRequest.byEmail(email)).stream().findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Brex user with email " + email));
    brex.users().deactivate(user.id()); // DISABLED: spend is blocked at once
    int locked = 0;
    for (Card card : brex.cards().list(ListCardsRequest.forUser(user.id()))) {
      if (card.status().orElse(CardStatus.UNKNOWN) == CardStatus.ACTIVE) {
        brex.cards().lock(card.id(), LockCardRequest.builder()
            .reason(ChangeCardReason.OTHER).description("Offboarded").build());
        locked++;
      }
    }
    return locked;
  }

  /** In the sandbox: the first active person holding an active card. */
  static String someoneWithActiveCards(SyntheticCompany company) {
    for (int i = 1; i < company.size(); i++) {
      if (company.status(i).equals("ACTIVE")
          && company.cards(i).stream().anyMatch(card -> card.get("status").asText().equals("ACTIVE"))) {
        return company.email(i);
      }
    }
    throw new IllegalStateException("no active cardholder in the sandbox company");
  }
}
