package org.brexsync.cli.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.brexsync.brex.model.Card;
import org.brexsync.brex.model.ListCardsRequest;
import org.brexsync.brex.model.Money;
import org.brexsync.cli.Brexsync;
import org.brexsync.cli.ConfigurationException;
import org.brexsync.cli.Connections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brexsync cards}: Brex cards. */
@Command(name = "cards", mixinStandardHelpOptions = true, description = "Brex cards.",
    subcommands = {CardsCommand.ListCards.class})
public final class CardsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: choose 'list'");
  }

  /** {@code brexsync cards list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"Lists Brex cards (all, or one user's) as a table or JSON.", "Without BREX_API_TOKEN: the sandbox company."})
  public static final class ListCards implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--user", paramLabel = "ID", description = "Only the cards of this Brex user id.")
    String user;

    @Option(names = "--json", description = "JSON array of Brex card objects instead of a table.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "At most N cards.")
    Integer limit;

    @Option(names = "--sandbox-users", paramLabel = "N", defaultValue = "500", description = "Users of the sandbox company (default: ${DEFAULT-VALUE}).")
    int sandboxUsers;

    @picocli.CommandLine.Mixin EndpointOptions endpoints;

    public ListCards(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      if (limit != null && limit < 1) {
        throw new ConfigurationException("--limit must be at least 1, got " + limit);
      }
      if (user != null && user.isBlank()) {
        throw new ConfigurationException("--user needs a Brex user id");
      }
      try (Connections c = ctx.connect(Optional.empty(), false, sandboxUsers, endpoints)) {
        if (c.isSandbox()) {
          ctx.notice("SANDBOX: " + Connections.BREX_API_TOKEN + " is not set; listing the built-in simulated company ("
              + c.sandbox().orElseThrow().company().size() + " users, " + c.sandbox().orElseThrow().cardCount() + " cards).");
        }
        ListCardsRequest request = user == null ? ListCardsRequest.all() : ListCardsRequest.forUser(user);
        List<Card> cards = c.brex().cards().list(request).stream()
            .limit(limit == null ? Long.MAX_VALUE : limit)
            .collect(Collectors.toList());
        if (json) {
          ctx.out().println(Json.pretty(cards));
          return Brexsync.OK;
        }
        Table t = new Table("ID", "OWNER", "NAME", "TYPE", "LIMIT", "STATUS", "LAST 4", "SPEND LIMIT").right(7);
        for (Card card : cards) {
          t.row(card.id(), card.owner().userId(), card.cardName(), card.cardType().map(Enum::name).orElse(""),
              card.limitType().name(), card.status().map(Enum::name).orElse(""), card.lastFour(),
              card.spendControls().map(sc -> money(sc.spendLimit()) + sc.spendDuration().map(d -> " " + d.name().toLowerCase(Locale.ROOT)).orElse("")).orElse(""));
        }
        ctx.out().print(t.render());
        ctx.out().println(cards.size() + (cards.size() == 1 ? " card" : " cards"));
        return Brexsync.OK;
      }
    }

    private static String money(Money m) {
      return String.format(Locale.ROOT, "%,.2f %s", m.amount() / 100.0, m.currency().orElse("USD"));
    }
  }
}
