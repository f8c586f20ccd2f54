package org.brexsync.connector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.record.RecordView;

/**
 * A {@link Mapping} with its transformers resolved: evaluates source records into target values and
 * compares them with Oomnitza records. Immutable and thread-safe.
 */
public final class CompiledMapping {
  private final Mapping mapping;
  private final List<MappingRule> rules;
  private final List<List<Transformer>> chains;

  private CompiledMapping(Mapping mapping, List<List<Transformer>> chains) {
    this.mapping = mapping;
    this.rules = mapping.rules();
    this.chains = chains;
  }

  static CompiledMapping compile(Mapping mapping, TransformerRegistry registry) {
    List<List<Transformer>> chains = new ArrayList<>();
    for (MappingRule r : mapping.rules()) {
      List<Transformer> chain = new ArrayList<>();
      for (TransformerSpec s : r.transform()) {
        try {
          chain.add(registry.create(s));
        } catch (IllegalArgumentException e) {
          throw new MappingException("mapping rule for '" + r.target() + "': " + e.getMessage(), e);
        }
      }
      chains.add(List.copyOf(chain));
    }
    return new CompiledMapping(mapping, List.copyOf(chains));
  }

  /** {@return the mapping compiled} */
  public Mapping mapping() {
    return mapping;
  }

  /**
   * Evaluates every rule for one source record. The result holds one entry per rule target, in rule
   * order; an empty optional means "no value".
   *
   * @param record the record
   * @param syncTime the sync time
   * @return the mapped record
   * @throws MappingException naming the rule when a transformer fails
   */
  public MappedRecord evaluate(RecordView record, Instant syncTime) {
    TransformContext ctx = TransformContext.of(record, syncTime);
    Map<String, Optional<JsonNode>> values = new LinkedHashMap<>(rules.size() * 2);
    java.util.Set<String> absent = null;
    for (int i = 0; i < rules.size(); i++) {
      MappingRule r = rules.get(i);
      Optional<JsonNode> v;
      if (r.sourcePath().isPresent()) {
        v = record.get(r.sourcePath().get());
      } else if (r.constant().isPresent()) {
        v = r.constant();
      } else if (r.syncTime()) {
        v = Optional.of(syncTimeText(syncTime));
      } else {
        v = Optional.empty();
      }
      List<Transformer> chain = chains.get(i);
      for (int j = 0; j < chain.size(); j++) {
        try {
          v = chain.get(j).apply(v, ctx);
          if (v == null) {
            v = Optional.empty();
          }
        } catch (RuntimeException e) {
          throw new MappingException(
              "mapping rule for '" + r.target() + "' failed in transformer '" + r.transform().get(j).name()
                  + "': " + e.getMessage(),
              e);
        }
      }
      v = v.filter(n -> !n.isNull() && !n.isMissingNode());
      values.put(r.target(), v);
      // Absent (not present-and-null) and nothing made a value of it: unknown, so never a reason to
      // clear the field, unless the rule opts in.
      if (v.isEmpty() && r.sourcePath().isPresent() && r.whenAbsent() == WhenAbsent.KEEP && !record.has(r.sourcePath().get())) {
        if (absent == null) {
          absent = new java.util.HashSet<>();
        }
        absent.add(r.target());
      }
    }
    return new MappedRecord(Collections.unmodifiableMap(values), absent == null ? java.util.Set.of() : absent);
  }

  /** The last sync time written as text: a run maps every record with the same one. */
  private volatile SyncTimeText lastSyncTime;

  private static final class SyncTimeText {
    final Instant at;
    final TextNode text;

    SyncTimeText(Instant at) {
      this.at = at;
      this.text = TextNode.valueOf(DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS)));
    }
  }

  private TextNode syncTimeText(Instant syncTime) {
    SyncTimeText last = lastSyncTime;
    if (last == null || !last.at.equals(syncTime)) {
      last = new SyncTimeText(syncTime);
      lastSyncTime = last;
    }
    return last.text;
  }

  /**
   * {@return the fields to write when creating a record: every non-empty mapped value}
   *
   * @param mapped the mapped
   */
  public ObjectNode createFields(MappedRecord mapped) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (MappingRule r : rules) {
      mapped.value(r.target()).ifPresent(v -> o.set(r.target(), v));
    }
    return o;
  }

  /**
   * {@return the field-level changes that bring an existing Oomnitza record in line with the mapped values,
   * honouring each rule's strength} A target whose source is absent from the record is left alone
   * ({@link MappedRecord#isAbsent}). Volatile values (the sync time) are included only when some
   * other field changes.
   *
   * @param mapped the mapped
   * @param existing the existing
   */
  public List<FieldChange> diff(MappedRecord mapped, ObjectNode existing) {
    List<FieldChange> changes = new ArrayList<>();
    List<FieldChange> volatiles = new ArrayList<>();
    for (MappingRule r : rules) {
      if (mapped.isAbsent(r.target())) {
        continue;
      }
      Optional<JsonNode> want = mapped.value(r.target());
      JsonNode haveNode = existing.get(r.target());
      Optional<JsonNode> have = Json.isEmpty(haveNode) ? Optional.empty() : Optional.of(haveNode);
      boolean write;
      switch (r.strength()) {
        case IF_EMPTY:
          write = have.isEmpty() && want.isPresent() && !Json.isEmpty(want.get());
          break;
        case NEVER_CLEAR:
          write = want.isPresent() && !Json.isEmpty(want.get()) && !Json.sameValue(want.get(), haveNode);
          break;
        default:
          write = !Json.sameValue(want.orElse(null), haveNode);
      }
      if (write) {
        (r.isVolatile() ? volatiles : changes).add(FieldChange.of(r.target(), have, want));
      }
    }
    if (!changes.isEmpty()) {
      changes.addAll(volatiles);
    }
    return changes;
  }

  /**
   * {@return a stable fingerprint of the values this mapping writes for a record, excluding volatile values:
   * equal fingerprints mean the record needs no write (unless Oomnitza was edited; see reconcile)}
   *
   * @param mapped the mapped
   */
  public String fingerprint(MappedRecord mapped) {
    StringBuilder sb = new StringBuilder();
    for (MappingRule r : rules) {
      if (r.isVolatile()) {
        continue;
      }
      sb.append(r.target()).append('=').append(r.strength().ordinal()).append(':');
      if (mapped.isAbsent(r.target())) {
        // absent and null write differently (null may clear), so they must not share a fingerprint
        sb.append('\u0001');
      }
      mapped.value(r.target()).ifPresent(v -> sb.append(v.isValueNode() ? v.asText() : v.toString()));
      sb.append('\u0000');
    }
    return org.brexsync.connector.internal.Hashing.sha256(sb.toString());
  }
}
