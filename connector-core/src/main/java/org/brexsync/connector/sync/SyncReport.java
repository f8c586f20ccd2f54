package org.brexsync.connector.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.ConnectorException;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.internal.ValueStyle;
import org.brexsync.connector.mapping.FieldChange;
import org.immutables.value.Value;

/**
 * The report of one run: status, per-situation totals, timings, HTTP calls per system and per-record
 * outcomes with field diffs (capped, see {@link #outcomesTruncated()}; every outcome is also streamed
 * to {@link SyncListener#onRecord}). A dry run's report equals the real run's report apart from ids,
 * times and write calls. {@link #summary()} is readable text; {@link #toJson()} is JSON.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableSyncReport.class)
@JsonDeserialize(as = ImmutableSyncReport.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
@JsonPropertyOrder({"runId", "integration", "status", "dryRun", "reason", "startedAt", "finishedAt", "durationMillis", "totals"})
public abstract class SyncReport implements WithSyncReport {

  /** {@return the run id (also the bulk portion id of a BULK run)} */
  @JsonProperty("runId")
  public abstract String runId();

  /** {@return the integration name} */
  @JsonProperty("integration")
  public abstract String integration();

  /** {@return how the run ended} */
  @JsonProperty("status")
  public abstract RunStatus status();

  /** {@return whether nothing was written (a dry run)} */
  @JsonProperty("dryRun")
  public abstract boolean dryRun();

  /** {@return why the run was aborted, cancelled or failed} */
  @JsonProperty("reason")
  public abstract Optional<String> reason();

  /** {@return the start time (the connector sync time)} */
  @JsonProperty("startedAt")
  public abstract Instant startedAt();

  /** {@return the end time} */
  @JsonProperty("finishedAt")
  public abstract Instant finishedAt();

  /** {@return the wall time in milliseconds} */
  @JsonProperty("durationMillis")
  public abstract long durationMillis();

  /** {@return records per situation (every situation present, zero included)} */
  @JsonProperty("totals")
  public abstract Map<Situation, Long> totals();

  /** {@return of the CREATE/UPDATE records, how many deprovisioned a departed user} */
  @JsonProperty("deprovisioned")
  public abstract long deprovisioned();

  /**
   * {@return calls the engine made per system: {@code brex}, {@code oomnitza}, and {@code oomnitzaWrites}
   * (port calls that reached Oomnitza; retries inside the clients and chunked requests are not
   * counted separately)}
   */
  @JsonProperty("httpCalls")
  public abstract Map<String, Long> httpCalls();

  /**
   * {@return records written to Oomnitza, counted after the calls: sent, accepted, failed and
   * unverified (see {@link WriteCounts})} Unlike {@link #writes()} (calls), these are records.
   */
  @JsonProperty("recordWrites")
  @Value.Default
  public WriteCounts recordWrites() {
    return WriteCounts.none();
  }

  /**
   * {@return engine-level write retries used, out of the run's one retry budget
   * ({@link SafetyPolicy#writeRetryBudget()})}
   */
  @JsonProperty("writeRetries")
  @Value.Default
  public long writeRetries() {
    return 0;
  }

  /**
   * Records read from Brex that the run never tried to write because it stopped early (ABORTED,
   * CANCELLED or FAILED); they have no outcome and their state is untouched. Brex users after the
   * stopping point were not read and are not counted.
   *
   * @return the number of records read but not attempted
   */
  @JsonProperty("notAttempted")
  @Value.Default
  public long notAttempted() {
    return 0;
  }

  /**
   * Times Brex listed a user id already seen in this run (on one page, or at the end of one page and
   * the start of the next). Each id is processed once; later sightings are ignored and counted here.
   *
   * @return the number of repeated sightings
   */
  @JsonProperty("duplicates")
  @Value.Default
  public long duplicates() {
    return 0;
  }

  /** {@return up to ten of the Brex user ids listed more than once} */
  @JsonProperty("duplicateIds")
  public abstract List<String> duplicateIds();

  /**
   * {@return Oomnitza's run log of a BULK run, read once after finalizing when some records could not
   * be verified from the upload answers (status, counts, first failures)}
   */
  @JsonProperty("bulkRunLog")
  public abstract Optional<String> bulkRunLog();

  /** {@return per-record outcomes, in processing order, up to the configured cap (UNCHANGED ones are not kept)} */
  @JsonProperty("outcomes")
  public abstract List<RecordOutcome> outcomes();

  /** {@return whether outcomes were left out because of the cap} */
  @JsonProperty("outcomesTruncated")
  public abstract boolean outcomesTruncated();

  /**
   * {@return how many reported outcomes (every situation but UNCHANGED) the cap left out of
   * {@link #outcomes()}} Stream them with {@link SyncListener#onRecord} to keep them all.
   */
  @JsonProperty("outcomesOmitted")
  @Value.Default
  public long outcomesOmitted() {
    long reported = processed() - count(Situation.UNCHANGED);
    return Math.max(0, reported - outcomes().size());
  }

  /**
   * {@return the count of one situation}
   *
   * @param s the situation
   */
  public long count(Situation s) {
    return totals().getOrDefault(s, 0L);
  }

  /** {@return the number of records processed} */
  public long processed() {
    return totals().values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * {@return write calls that reached Oomnitza (creates, updates, bulk portions, finalize, SaaS
   * assignments)} They are counted after each call: a call refused before any request is not counted.
   * Records are in {@link #recordWrites()}.
   */
  public long writes() {
    return httpCalls().getOrDefault("oomnitzaWrites", 0L);
  }

  /** {@return the wall time} */
  public Duration duration() {
    return Duration.ofMillis(durationMillis());
  }

  /**
   * {@return the outcomes of one situation (from the kept outcomes)}
   *
   * @param s the situation
   */
  public List<RecordOutcome> outcomes(Situation s) {
    return outcomes().stream().filter(o -> o.situation() == s).collect(java.util.stream.Collectors.toList());
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Zero counts for every situation. */
  static Map<Situation, Long> zeroTotals() {
    Map<Situation, Long> m = new EnumMap<>(Situation.class);
    for (Situation s : Situation.values()) {
      m.put(s, 0L);
    }
    return m;
  }

  /** {@return the report as pretty JSON} */
  public String toJson() {
    try {
      return Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new ConnectorException("cannot write report", e);
    }
  }

  /**
   * Reads a report written by {@link #toJson()}.
   *
   * @param json the JSON text
   * @return the report
   * @throws ConnectorException when {@code json} is not a report
   */
  public static SyncReport fromJson(String json) {
    try {
      return Json.mapper().readValue(json, SyncReport.class);
    } catch (JsonProcessingException e) {
      throw new ConnectorException("cannot read report: " + e.getOriginalMessage(), e);
    }
  }

  /** {@return a readable summary: status, totals, calls, timing, then up to 20 changed or failed records} */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Sync %s of '%s'%s: %s%n", runId(), integration(), dryRun() ? " (dry run)" : "", status()));
    reason().ifPresent(r -> sb.append("  reason: ").append(r).append(System.lineSeparator()));
    sb.append(
        String.format(
            Locale.ROOT,
            "  created %d, updated %d, unchanged %d, skipped %d, failed %d (deprovisioned %d)%n",
            count(Situation.CREATE),
            count(Situation.UPDATE),
            count(Situation.UNCHANGED),
            count(Situation.SKIPPED),
            count(Situation.FAILED),
            deprovisioned()));
    sb.append(
        String.format(
            Locale.ROOT,
            "  %d records in %.3f s; HTTP calls: Brex %d, Oomnitza %d (writes %d)%n",
            processed(),
            durationMillis() / 1000.0,
            httpCalls().getOrDefault("brex", 0L),
            httpCalls().getOrDefault("oomnitza", 0L),
            writes()));
    WriteCounts w = recordWrites();
    sb.append(
        String.format(
            Locale.ROOT,
            "  records written to Oomnitza: %d sent, %d accepted, %d failed, %d unverified%s%n",
            w.sent(),
            w.accepted(),
            w.failed(),
            w.unverified(),
            writeRetries() > 0 ? "; " + writeRetries() + " write retries" : ""));
    if (notAttempted() > 0) {
      sb.append(String.format(Locale.ROOT, "  not attempted: %d records read from Brex (the run stopped early)%n", notAttempted()));
    }
    if (duplicates() > 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  Brex listed %d user%s again in this run; each was processed once (%s)%n",
              duplicates(),
              duplicates() == 1 ? "" : "s",
              String.join(", ", duplicateIds()) + (duplicates() > duplicateIds().size() ? ", ..." : "")));
    }
    bulkRunLog().ifPresent(l -> sb.append("  Oomnitza run log: ").append(l).append(System.lineSeparator()));
    int shown = 0;
    for (RecordOutcome o : outcomes()) {
      if (o.situation() == Situation.UNCHANGED || o.situation() == Situation.SKIPPED && o.reason().orElse("").startsWith("filtered")) {
        continue;
      }
      if (shown++ == 20) {
        sb.append("  ...").append(System.lineSeparator());
        break;
      }
      sb.append("  ").append(o.situation()).append(o.unverified() ? " (unverified)" : "").append(' ').append(o.syncKey().orElse(o.sourceId()));
      if (!o.changes().isEmpty()) {
        sb.append(": ");
        int i = 0;
        for (FieldChange c : o.changes()) {
          if (i++ > 0) {
            sb.append(", ");
          }
          sb.append(c.field());
          if (o.situation() == Situation.UPDATE) {
            sb.append(' ').append(c.from().map(Object::toString).orElse("∅")).append(" -> ").append(c.to().map(Object::toString).orElse("∅"));
          }
        }
      }
      o.reason().ifPresent(r -> sb.append(" (").append(r).append(')'));
      sb.append(System.lineSeparator());
    }
    if (outcomesOmitted() > 0) {
      sb.append(String.format(Locale.ROOT, "  (%d more outcomes are not kept in this report: it holds at most %d)%n",
          outcomesOmitted(), outcomes().size()));
    }
    return sb.toString();
  }

  /**
   * Builder of {@link SyncReport}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableSyncReport.Builder {
    Builder() {}
  }
}
