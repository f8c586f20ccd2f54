package org.brexsync.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.brexsync.connector.Integration;
import org.brexsync.connector.IntegrationConfigException;
import org.brexsync.connector.IntegrationJson;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.cli.ConfigurationException;

/** Reading integration documents, and the built-in default integration. */
public final class Integrations {
  /** Name of the built-in integration. */
  public static final String DEFAULT_NAME = "brexsync";
  /** Oomnitza role id the sandbox gives synced people. */
  public static final int SANDBOX_ROLE = 25;

  private Integrations() {}

  /**
   * The product page's standard mapping (Brex id to username and Brex User Id, email, names, a role)
   * plus the title into {@code position}, keyed by email.
   */
  public static Integration defaultIntegration(int roleId) {
    Mapping mapping = Mapping.standard(roleId).withRule(MappingRule.of("position", "title.name"));
    return Integration.builder().name(DEFAULT_NAME).mapping(mapping).build();
  }

  /**
   * Reads an integration document.
   *
   * @throws ConfigurationException when the file is missing, unreadable or invalid
   */
  public static Integration read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException("config file not found: " + file);
    }
    try {
      return IntegrationJson.read(file);
    } catch (IntegrationConfigException e) {
      throw new ConfigurationException("invalid config " + file + ": " + e.getMessage(), e);
    } catch (java.io.UncheckedIOException e) {
      throw new ConfigurationException("cannot read config " + file + ": " + e.getCause().getMessage(), e);
    }
  }

  /** Whether the document at {@code file} names a {@code schedule} of its own. */
  public static boolean declaresSchedule(Path file) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()).has("schedule");
    } catch (java.io.IOException e) {
      return false; // read() already accepted the document; nothing more to say
    }
  }

  /** What the CLI does with an integration's schedule: {@code serve} runs it, {@code sync} does not. */
  public static String scheduleNote(Integration in) {
    return "the schedule (" + in.schedule().describe() + ") is not run by 'brexsync sync', which runs once, now. "
        + "'brexsync serve --dir FOLDER' runs every document of a folder on its schedule (one machine, or a cluster "
        + "on PostgreSQL); connector-core's SyncScheduler does the same from Java.";
  }

  /** The document at {@code file}, if given. */
  public static Optional<Integration> read(Optional<Path> file) {
    return file.map(Integrations::read);
  }
}
