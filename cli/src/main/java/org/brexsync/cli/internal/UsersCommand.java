package org.brexsync.cli.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.brexsync.brex.BrexApiException;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.model.Department;
import org.brexsync.brex.model.ListUsersRequest;
import org.brexsync.brex.model.User;
import org.brexsync.cli.Brexsync;
import org.brexsync.cli.ConfigurationException;
import org.brexsync.cli.Connections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brexsync users}: Brex users. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Brex users.",
    subcommands = {UsersCommand.ListUsers.class})
public final class UsersCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: choose 'list'");
  }

  /** {@code brexsync users list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"Lists Brex users as a table or JSON.", "Without BREX_API_TOKEN: the sandbox company."})
  public static final class ListUsers implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--json", description = "JSON array of Brex user objects instead of a table.")
    boolean json;

    @Option(names = "--email", paramLabel = "EMAIL", description = "Only the user with this email.")
    String email;

    @Option(names = "--limit", paramLabel = "N", description = "At most N users.")
    Integer limit;

    @Option(names = "--sandbox-users", paramLabel = "N", defaultValue = "500", description = "Users of the sandbox company (default: ${DEFAULT-VALUE}).")
    int sandboxUsers;

    @picocli.CommandLine.Mixin EndpointOptions endpoints;

    public ListUsers(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      if (limit != null && limit < 1) {
        throw new ConfigurationException("--limit must be at least 1, got " + limit);
      }
      try (Connections c = ctx.connect(Optional.empty(), false, sandboxUsers, endpoints)) {
        if (c.isSandbox()) {
          ctx.notice("SANDBOX: " + Connections.BREX_API_TOKEN + " is not set; listing the built-in simulated company ("
              + c.sandbox().orElseThrow().company().size() + " users).");
        }
        BrexClient brex = c.brex();
        ListUsersRequest request = email == null ? ListUsersRequest.all() : ListUsersRequest.byEmail(email);
        List<User> users = brex.users().list(request).stream()
            .limit(limit == null ? Long.MAX_VALUE : limit)
            .collect(Collectors.toList());
        if (json) {
          ctx.out().println(Json.pretty(users));
          return Brexsync.OK;
        }
        Map<String, String> departments = departmentNames(brex);
        Table t = new Table("ID", "NAME", "EMAIL", "STATUS", "DEPARTMENT");
        for (User u : users) {
          t.row(u.id(), u.firstName() + " " + u.lastName(), u.email(),
              u.status().map(Enum::name).orElse(""),
              u.departmentId().map(id -> departments.getOrDefault(id, id)).orElse(""));
        }
        ctx.out().print(t.render());
        ctx.out().println(users.size() + (users.size() == 1 ? " user" : " users"));
        return Brexsync.OK;
      }
    }

    /** Department names by id; best effort, since a token may lack the departments scope. */
    private static Map<String, String> departmentNames(BrexClient brex) {
      try {
        return brex.departments().list().stream()
            .collect(Collectors.toMap(Department::id, Department::name, (a, b) -> a));
      } catch (BrexApiException e) {
        return Map.of();
      }
    }
  }
}
