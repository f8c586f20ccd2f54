package org.brexsync.connector;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.connector.internal.ValueStyle;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.TransformerRegistry;
import org.brexsync.connector.schedule.Schedule;
import org.brexsync.connector.sync.DeprovisioningPolicy;
import org.brexsync.connector.sync.SafetyPolicy;
import org.immutables.value.Value;

/**
 * A Brex → Oomnitza user integration as data: connections (tokens by environment-variable name, never
 * inline), mapping, filters, preference, mode, schedule, sink and policies. Build one in Java with
 * {@link #builder()} or read it from a JSON document with {@link IntegrationJson}; check it with
 * {@link #validate()} (only a {@link IntegrationStatus#LAUNCHABLE} integration runs).
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableIntegration.class)
@JsonDeserialize(as = ImmutableIntegration.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"name", "brex", "oomnitza", "mapping", "filters", "preference", "mode", "saasId", "schedule", "sink"})
public abstract class Integration implements WithIntegration {
  /** Default records per write batch (and per correlation call). */
  public static final int DEFAULT_BATCH_SIZE = 100;
  /** Default Brex page size (the API's maximum is 1000). */
  public static final int DEFAULT_PAGE_SIZE = 1000;
  /** Default number of concurrent Oomnitza writes of the REST sink. */
  public static final int DEFAULT_CONCURRENCY = 8;

  /** {@return a name, unique among a deployment's integrations (it keys the sync state)} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return the Brex connection} */
  @JsonProperty("brex")
  public abstract Optional<Connection> brex();

  /** {@return the Oomnitza connection} */
  @JsonProperty("oomnitza")
  public abstract Optional<Connection> oomnitza();

  /** {@return the field mapping} */
  @JsonProperty("mapping")
  public abstract Mapping mapping();

  /** {@return which Brex users are synced (default: all)} */
  @JsonProperty("filters")
  @Value.Default
  public RecordFilter filters() {
    return RecordFilter.none();
  }

  /**
   * Create &amp; Update (default), Create only or Update only.
   *
   * @return the sync preference
   */
  @JsonProperty("preference")
  @Value.Default
  public SyncPreference preference() {
    return SyncPreference.CREATE_AND_UPDATE;
  }

  /** {@return User only (default) or User plus SaaS user} */
  @JsonProperty("mode")
  @Value.Default
  public SyncMode mode() {
    return SyncMode.USER_ONLY;
  }

  /** {@return the Oomnitza SaaS application id for {@link SyncMode#USER_PLUS_SAAS_USER}} */
  @JsonProperty("saasId")
  public abstract Optional<String> saasId();

  /** {@return when the integration runs} */
  @JsonProperty("schedule")
  @Value.Default
  public Schedule schedule() {
    return Schedule.defaults();
  }

  /** {@return how records are written} */
  @JsonProperty("sink")
  @Value.Default
  public SinkType sink() {
    return SinkType.REST;
  }

  /** {@return what happens to departed Brex users} */
  @JsonProperty("deprovisioning")
  @Value.Default
  public DeprovisioningPolicy deprovisioning() {
    return DeprovisioningPolicy.none();
  }

  /** {@return the run guard} */
  @JsonProperty("safety")
  @Value.Default
  public SafetyPolicy safety() {
    return SafetyPolicy.defaults();
  }

  /**
   * {@return Oomnitza fields, besides username, email and brex_user_id, declared unique (possible sync keys)}
   */
  @JsonProperty("uniqueFields")
  public abstract List<String> uniqueFields();

  /**
   * {@return for the {@link SinkType#BULK} sink: the Oomnitza Field ID of a target field, by its External ID
   * ({@code {"brex_user_id": "E622E72FC31F4946A77C95828FD1DBC3"}}), for fields whose Field ID the
   * standard catalog does not know and the tenant does not serve (see oomnitza-client's
   * {@code users().fieldCatalog()})} Both ids are shown in Oomnitza's Customization / Data model. An
   * entry here wins over the served and the standard ids. Unused by the REST sink.
   */
  @JsonProperty("fieldIds")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> fieldIds();

  /**
   * {@return the Oomnitza fields a run writes or matches on, by External ID: every rule's target, the sync key
   * and the deprovisioning write-back field} A {@link SinkType#BULK} run needs a Field ID for each.
   */
  @JsonIgnore
  public Set<String> writtenFields() {
    Set<String> out = new LinkedHashSet<>();
    mapping().rules().forEach(r -> out.add(r.target()));
    out.add(mapping().syncKey());
    deprovisioning().write().ifPresent(w -> out.add(w.getKey()));
    return out;
  }

  /** {@return re-read Oomnitza for every record (not only changed ones) to catch edits made there} */
  @JsonProperty("reconcile")
  @Value.Default
  public boolean reconcile() {
    return false;
  }

  /** {@return records per write batch and per correlation call} */
  @JsonProperty("batchSize")
  @Value.Default
  public int batchSize() {
    return DEFAULT_BATCH_SIZE;
  }

  /** {@return Brex users per page} */
  @JsonProperty("pageSize")
  @Value.Default
  public int pageSize() {
    return DEFAULT_PAGE_SIZE;
  }

  /** {@return concurrent Oomnitza writes (REST sink)} */
  @JsonProperty("concurrency")
  @Value.Default
  public int concurrency() {
    return DEFAULT_CONCURRENCY;
  }

  /** {@return process only the first N Brex users (after filtering)} */
  @JsonProperty("recordLimit")
  public abstract Optional<Integer> recordLimit();

  /**
   * Where the document this integration was read from put some values (JSON pointer → line and
   * column), so that validation can point at them. Set once by {@link IntegrationJson} before the
   * integration is handed out; not part of the value (equality, JSON), and lost by copies.
   */
  private volatile Map<String, String> documentPositions = Map.of();

  void documentPositions(Map<String, String> positions) {
    this.documentPositions = Map.copyOf(positions);
  }

  /** {@code " (line L, column C)"} for a JSON pointer of the source document, or empty text. */
  String documentPosition(String pointer) {
    String at = documentPositions.get(pointer);
    return at == null ? "" : " (" + at + ")";
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates against the built-in transformers.
   *
   * @return the validation result
   */
  public ValidationResult validate() {
    return validate(TransformerRegistry.defaults());
  }

  /**
   * Validates: DRAFT with every missing mandatory item listed, or LAUNCHABLE.
   *
   * @param registry the registry
   * @return the validation result
   */
  public ValidationResult validate(TransformerRegistry registry) {
    return IntegrationValidator.validate(this, registry);
  }

  /** {@return shorthand for {@code validate().status()}} */
  @JsonIgnore
  public IntegrationStatus status() {
    return validate().status();
  }

  @Value.Check
  void check() {
    if (name().isBlank()) {
      throw new IllegalStateException("integration name is blank");
    }
    if (batchSize() < 1 || batchSize() > 1000) {
      throw new IllegalStateException("batchSize must be in 1..1000, got " + batchSize());
    }
    if (pageSize() < 1 || pageSize() > 1000) {
      throw new IllegalStateException("pageSize must be in 1..1000 (Brex's maximum), got " + pageSize());
    }
    if (concurrency() < 1 || concurrency() > 64) {
      throw new IllegalStateException("concurrency must be in 1..64, got " + concurrency());
    }
    if (recordLimit().isPresent() && recordLimit().get() < 0) {
      throw new IllegalStateException("recordLimit must be >= 0");
    }
    fieldIds().forEach((external, field) -> {
      if (!external.matches("[A-Za-z0-9_]+")) {
        throw new IllegalStateException("fieldIds: '" + external + "' is not an Oomnitza External ID (letters, digits, '_')");
      }
      if (!field.matches("[A-Za-z0-9_]+")) {
        throw new IllegalStateException("fieldIds: the Field ID of '" + external + "' must be letters, digits and '_' "
            + "(e.g. USER or a 32-hex custom id), got '" + field + "'");
      }
    });
  }

  /**
   * Builder of {@link Integration}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableIntegration.Builder {
    Builder() {}
  }
}
