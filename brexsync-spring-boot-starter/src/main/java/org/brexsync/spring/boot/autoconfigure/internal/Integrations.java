package org.brexsync.spring.boot.autoconfigure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.brexsync.connector.Integration;
import org.brexsync.connector.IntegrationConfigException;
import org.brexsync.connector.IntegrationJson;
import org.brexsync.connector.ValidationResult;
import org.brexsync.connector.filter.FilterRule;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.sync.DeprovisioningPolicy;
import org.brexsync.spring.boot.autoconfigure.BrexsyncConfigurationException;
import org.brexsync.spring.boot.autoconfigure.BrexsyncProperties;
import org.brexsync.spring.boot.autoconfigure.BrexsyncProperties.IntegrationSettings;
import org.brexsync.spring.boot.autoconfigure.BrexsyncProperties.ScheduleSettings;
import org.springframework.core.io.Resource;

/** The integration: read from {@code brexsync.integration-document}, or built from properties. Not API. */
public final class Integrations {
  /** Integration documents larger than this are refused (a document is a few kilobytes). */
  static final int MAX_DOCUMENT_BYTES = 1 << 20;

  private Integrations() {}

  /**
   * The integration document, when {@code brexsync.integration-document} is set.
   *
   * @throws BrexsyncConfigurationException when it does not exist, cannot be read or is invalid
   */
  public static Optional<Integration> document(BrexsyncProperties p) {
    Resource r = p.getIntegrationDocument();
    if (r == null) {
      return Optional.empty();
    }
    String where = "brexsync.integration-document (" + r.getDescription() + ")";
    if (!r.exists()) {
      throw new BrexsyncConfigurationException(where + " does not exist.",
          "Point brexsync.integration-document at an integration JSON document, e.g."
              + " file:/etc/brexsync/brex-people.json or classpath:brex-people.json.");
    }
    byte[] bytes;
    try (InputStream in = r.getInputStream()) {
      bytes = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
    } catch (IOException e) {
      throw new BrexsyncConfigurationException(where + " cannot be read: " + e.getMessage(),
          "Make the document readable by the application.", e);
    }
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw new BrexsyncConfigurationException(where + " is larger than " + MAX_DOCUMENT_BYTES
          + " bytes: not an integration document.", "Point brexsync.integration-document at an integration JSON document.");
    }
    try {
      return Optional.of(IntegrationJson.read(new String(bytes, StandardCharsets.UTF_8)));
    } catch (IntegrationConfigException e) {
      throw new BrexsyncConfigurationException(where + " is invalid: " + e.getMessage(),
          "Fix the document (brexsync integration validate --config FILE checks it the same way).", e);
    }
  }

  /**
   * The integration the engine runs: the document's, or one built from {@code brexsync.integration.*}.
   *
   * @throws BrexsyncConfigurationException when neither defines a launchable integration
   */
  public static Integration resolve(BrexsyncProperties p) {
    Optional<Integration> doc = document(p);
    Integration in = doc.isPresent() ? doc.get() : fromProperties(p.getIntegration());
    ValidationResult v = in.validate();
    if (!v.isLaunchable()) {
      String where = doc.isPresent() ? "brexsync.integration-document (" + p.getIntegrationDocument().getDescription() + ")"
          : "the integration of the brexsync.integration.* properties";
      throw new BrexsyncConfigurationException("The integration '" + in.name() + "' of " + where
          + " is DRAFT, missing: " + String.join("; ", v.missing()),
          "Complete the integration, or set brexsync.sync.enabled=false to configure only the clients.");
    }
    return in;
  }

  /** The CLI's default integration with the properties' settings. */
  static Integration fromProperties(IntegrationSettings s) {
    if (s.getRoleId() == null) {
      throw new BrexsyncConfigurationException(
          "No integration to run: neither brexsync.integration.role-id nor brexsync.integration-document is set.",
          "Set brexsync.integration.role-id to the id of the Oomnitza role synced people get (the standard"
              + " mapping), or brexsync.integration-document to an integration JSON document; or set"
              + " brexsync.sync.enabled=false to configure only the Brex and Oomnitza clients.");
    }
    Mapping mapping = Mapping.standard(s.getRoleId()).withRule(MappingRule.of("position", "title.name"));
    try {
      var b = Integration.builder()
          .name(s.getName())
          .mapping(mapping)
          .preference(s.getPreference())
          .mode(s.getMode())
          .sink(s.getSink())
          .schedule(schedule(s.getSchedule()))
          .deprovisioning(s.getDeprovisioning() == BrexsyncProperties.Deprovisioning.SUSPEND
              ? DeprovisioningPolicy.suspend() : DeprovisioningPolicy.none());
      if (!s.getStatuses().isEmpty()) {
        b.filters(RecordFilter.of(FilterRule.includeIn("status", s.getStatuses().toArray(String[]::new))));
      }
      if (s.getSaasId() != null && !s.getSaasId().isBlank()) {
        b.saasId(s.getSaasId().strip());
      }
      return b.build();
    } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
      throw new BrexsyncConfigurationException("The brexsync.integration.* properties do not make an integration: "
          + e.getMessage(), "Fix the brexsync.integration.* properties, or use brexsync.integration-document.", e);
    }
  }

  static Schedule schedule(ScheduleSettings s) {
    if (s.getEvery() != null) {
      if (s.getEvery().isNegative() || s.getEvery().isZero()) {
        throw new BrexsyncConfigurationException("brexsync.integration.schedule.every must be positive.",
            "Set brexsync.integration.schedule.every to an interval such as 6h, or remove it for a daily run.");
      }
      return Schedule.every(s.getEvery());
    }
    LocalTime at;
    try {
      at = LocalTime.parse(s.getDailyAt().strip());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new BrexsyncConfigurationException("brexsync.integration.schedule.daily-at '" + s.getDailyAt()
          + "' is not a time of day.", "Set brexsync.integration.schedule.daily-at to HH:mm, e.g. 02:00.");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(s.getZone().strip());
    } catch (RuntimeException e) {
      throw new BrexsyncConfigurationException("brexsync.integration.schedule.zone '" + s.getZone()
          + "' is not a time zone.", "Set brexsync.integration.schedule.zone to a zone id such as UTC or Europe/Berlin.");
    }
    return Schedule.daily(at, zone);
  }
}
