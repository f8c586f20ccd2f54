package org.brexsync.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.brexsync.connector.Connection;
import org.brexsync.connector.Integration;
import org.brexsync.connector.IntegrationJson;
import org.brexsync.connector.ValidationResult;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.connector.mapping.MappingSuggestion;
import org.brexsync.connector.mapping.SmartMapper;
import org.brexsync.cli.Brexsync;
import org.brexsync.cli.Connections;
import org.brexsync.oomnitza.ExternalId;
import org.brexsync.oomnitza.FieldCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brexsync integration}: checking integration documents and suggesting mappings. */
@Command(name = "integration", mixinStandardHelpOptions = true, description = "Integration documents: validate, suggest a mapping.",
    subcommands = {IntegrationCommand.Validate.class, IntegrationCommand.SuggestMapping.class})
public final class IntegrationCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: choose 'validate' or 'suggest-mapping'");
  }

  /** {@code brexsync integration validate}. */
  @Command(name = "validate", mixinStandardHelpOptions = true, description = {
      "Reads an integration document and checks the launch rules (mandatory mapping items, sync key, "
          + "transformers) and the environment variables it names.",
      "Exit code 0 when LAUNCHABLE, 2 when DRAFT or unreadable."})
  public static final class Validate implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--config", paramLabel = "FILE", description = "Integration document (JSON). Default: the built-in integration.")
    Path config;

    @picocli.CommandLine.Mixin EndpointOptions endpoints;

    public Validate(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Optional<Integration> configured = Integrations.read(Optional.ofNullable(config));
      Integration in = configured.orElseGet(() -> Integrations.defaultIntegration(Integrations.SANDBOX_ROLE));
      var out = ctx.out();
      if (configured.isEmpty()) {
        out.println("No --config given: checking the built-in integration that 'brexsync sync' runs.");
      }
      ValidationResult v = in.validate();
      out.printf(Locale.ROOT, "Integration '%s': %s%n", in.name(), v.status());
      for (String m : v.missing()) {
        out.println("  missing: " + m);
      }
      out.println("  Brex:     " + endpoint(endpoints.brexUrl(), "--brex-url", in.brex(), Connections.BREX_BASE_URL,
          org.brexsync.brex.BrexClient.PRODUCTION + " (default)")
          + ", token from $" + in.brex().map(Connection::tokenEnv).orElse(Connections.BREX_API_TOKEN) + " "
          + isSet(in.brex().map(Connection::tokenEnv).orElse(Connections.BREX_API_TOKEN)));
      out.println("  Oomnitza: " + endpoint(endpoints.oomnitzaUrl(), "--oomnitza-url", in.oomnitza(), Connections.OOMNITZA_URL,
          "(not set)")
          + ", token from $" + in.oomnitza().map(Connection::tokenEnv).orElse(Connections.OOMNITZA_API_TOKEN) + " "
          + isSet(in.oomnitza().map(Connection::tokenEnv).orElse(Connections.OOMNITZA_API_TOKEN)));
      out.printf(Locale.ROOT, "  Preference %s, mode %s, sink %s, sync key '%s'%n", in.preference(), in.mode(), in.sink(),
          in.mapping().syncKey());
      if (in.sink() == org.brexsync.connector.SinkType.BULK) {
        java.util.List<String> unknown = in.writtenFields().stream()
            .filter(f -> !in.fieldIds().containsKey(f) && !isStandardField(f)).collect(java.util.stream.Collectors.toList());
        out.println("  BULK Field IDs: " + (unknown.isEmpty() ? "every written field is standard or in \"fieldIds\""
            : "looked up in Oomnitza's users data model at sync time for " + String.join(", ", unknown)
                + " (or name them in \"fieldIds\")"));
      }
      out.println("  Schedule: " + (config != null && Integrations.declaresSchedule(config) ? "" : "(default) ")
          + Integrations.scheduleNote(in));
      out.println("  Mapping:");
      for (MappingRule r : in.mapping().rules()) {
        out.println("    " + r.describe());
      }
      return v.isLaunchable() ? Brexsync.OK : Brexsync.USAGE;
    }

    /** The endpoint a command would use, in the CLI's order: flag > environment > document > default. */
    private String endpoint(Optional<String> flag, String flagName, Optional<Connection> c, String var, String fallback) {
      return flag.map(u -> u + " (from " + flagName + ")")
          .or(() -> Optional.ofNullable(ctx.env().get(var)).filter(s -> !s.isBlank()).map(s -> s + " (from $" + var + ")"))
          .or(() -> c.flatMap(Connection::baseUrl).map(u -> u + " (from the document)"))
          .orElse(fallback);
    }

    private static boolean isStandardField(String f) {
      try {
        return org.brexsync.oomnitza.FieldCatalog.standardUsers().fieldId(org.brexsync.oomnitza.ExternalId.of(f)).isPresent();
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    private String isSet(String var) {
      String v = ctx.env().get(var);
      return v == null || v.isBlank() ? "(not set)" : "(set)";
    }
  }

  /** {@code brexsync integration suggest-mapping}. */
  @Command(name = "suggest-mapping", mixinStandardHelpOptions = true, description = {
      "Suggests mapping rules from Brex user fields to Oomnitza user fields by names and synonyms, "
          + "each with a confidence, and (with --json) prints an integration document that adds them "
          + "to the configured (or built-in) mapping."})
  public static final class SuggestMapping implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--config", paramLabel = "FILE", description = "Integration document (JSON) to extend. Default: the built-in integration.")
    Path config;

    @Option(names = "--target-field", paramLabel = "FIELD", description = "An Oomnitza user field (external id or label) to map, besides the standard ones; repeatable.")
    List<String> targetFields = new ArrayList<>();

    @Option(names = "--json", description = "Print the integration document with the suggested rules added (JSON) instead of a table.")
    boolean json;

    public SuggestMapping(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Optional<Integration> configured = Integrations.read(Optional.ofNullable(config));
      Integration base = configured.orElseGet(() -> Integrations.defaultIntegration(Integrations.SANDBOX_ROLE));
      Set<String> targets = new LinkedHashSet<>();
      FieldCatalog.standardUsers().entries().keySet().stream().map(ExternalId::value).forEach(targets::add);
      targets.add(Mapping.BREX_USER_ID);
      targets.addAll(base.uniqueFields());
      base.mapping().rules().forEach(r -> targets.add(r.target()));
      targets.addAll(targetFields);
      targets.remove(Mapping.ROLE); // a role is chosen, never derived from a Brex field
      List<MappingSuggestion> suggestions = SmartMapper.create().suggest(SmartMapper.brexUserFields(), targets);
      Mapping merged = base.mapping();
      for (MappingSuggestion s : suggestions) {
        if (merged.ruleFor(s.targetField()).isEmpty()) {
          merged = merged.withRule(s.toRule());
        }
      }
      Integration result = base.withMapping(merged);
      if (json) {
        ctx.out().println(IntegrationJson.write(result));
        ctx.notice("Suggested integration is " + result.validate().status()
            + (configured.isEmpty() ? " (built-in integration; role " + Integrations.SANDBOX_ROLE + " is a placeholder: choose yours)" : ""));
        return Brexsync.OK;
      }
      Table t = new Table("OOMNITZA FIELD", "BREX FIELD", "CONFIDENCE", "WHY", "RULE").right(2);
      for (MappingSuggestion s : suggestions) {
        boolean mapped = base.mapping().ruleFor(s.targetField()).isPresent();
        t.row(s.targetField(), s.sourceField(), String.format(Locale.ROOT, "%.2f", s.confidence()), s.reason(),
            mapped ? "already mapped" : "new");
      }
      ctx.out().print(t.render());
      Set<String> unmatched = new LinkedHashSet<>(targets);
      suggestions.forEach(s -> unmatched.remove(s.targetField()));
      if (!unmatched.isEmpty()) {
        ctx.out().println("No suggestion for: " + String.join(", ", unmatched));
      }
      ctx.out().println("Run with --json for an integration document with the new rules added.");
      return Brexsync.OK;
    }
  }
}
