package org.brexsync.connector.mapping;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.internal.ValueStyle;
import org.brexsync.connector.record.FieldPath;
import org.immutables.value.Value;

/**
 * One mapping rule: an Oomnitza target field (by its external id, e.g. {@code email},
 * {@code brex_user_id}) ← a source expression, then a chain of transformers, written with a
 * {@link Strength}. The source expression is exactly one of: a {@code source} path into the Brex user
 * (e.g. {@code email}, {@code department.name}, {@code manager.email}, {@code metadata.cost_center}),
 * a {@code constant}, or the connector {@code syncTime}; a rule with none of them starts from no value
 * (useful with {@code concat} or {@code default_if_empty}).
 *
 * <p>A source path that is absent from a record (as opposed to present and null) never clears the
 * target unless the rule says {@code "whenAbsent": "CLEAR"} (see {@link WhenAbsent}).
 *
 * <p>JSON form: {@code {"target":"email","source":"email","transform":["trim","lowercase"]}},
 * {@code {"target":"role","constant":25}}, {@code {"target":"last_seen","syncTime":true,"strength":"ALWAYS"}},
 * {@code {"target":"phone","source":"metadata.phone","whenAbsent":"CLEAR"}}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableMappingRule.class)
@JsonDeserialize(as = ImmutableMappingRule.class)
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public abstract class MappingRule implements WithMappingRule {

  /** {@return the Oomnitza field written (external id)} */
  @JsonProperty("target")
  public abstract String target();

  /** {@return a path into the source record} */
  @JsonProperty("source")
  public abstract Optional<String> source();

  /** {@return a constant value} */
  @JsonProperty("constant")
  public abstract Optional<JsonNode> constant();

  /** {@return true to use the connector sync time (ISO-8601 UTC, seconds) of the run} */
  @JsonProperty("syncTime")
  @Value.Default
  public boolean syncTime() {
    return false;
  }

  /** {@return transformers applied in order} */
  @JsonProperty("transform")
  public abstract List<TransformerSpec> transform();

  /** {@return when the rule may write its target} */
  @JsonProperty("strength")
  @Value.Default
  public Strength strength() {
    return Strength.ALWAYS;
  }

  /**
   * {@return what the rule does when its {@code source} path is absent from a record (not present at all, as
   * opposed to present and null): {@link WhenAbsent#KEEP} (default) never touches the Oomnitza field,
   * {@link WhenAbsent#CLEAR} treats the value as empty so the strength decides}
   */
  @JsonProperty("whenAbsent")
  @Value.Default
  public WhenAbsent whenAbsent() {
    return WhenAbsent.KEEP;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return {@code target ← source path}}
   *
   * @param target the target
   * @param sourcePath the source path
   */
  public static MappingRule of(String target, String sourcePath) {
    return builder().target(target).source(sourcePath).build();
  }

  /**
   * {@return {@code target ← constant}}
   *
   * @param target the target
   * @param value the value
   */
  public static MappingRule constant(String target, Object value) {
    return builder().target(target).constant(Json.mapper().valueToTree(value)).build();
  }

  /**
   * {@return {@code target ← connector sync time}}
   *
   * @param target the target
   */
  public static MappingRule syncTime(String target) {
    return builder().target(target).syncTime(true).build();
  }

  /**
   * {@return whether the rule's value changes every run by itself (the sync time): such a value is written with
   * a record's other changes but never makes an otherwise unchanged record an update}
   */
  @JsonIgnore
  public boolean isVolatile() {
    return syncTime();
  }

  /** {@return the source path, parsed} */
  @JsonIgnore
  @Value.Lazy
  public Optional<FieldPath> sourcePath() {
    return source().map(FieldPath::parse);
  }

  @Value.Check
  void check() {
    if (target().isBlank()) {
      throw new IllegalStateException("mapping rule has a blank target");
    }
    int kinds = (source().isPresent() ? 1 : 0) + (constant().isPresent() ? 1 : 0) + (syncTime() ? 1 : 0);
    if (kinds > 1) {
      throw new IllegalStateException(
          "mapping rule for '" + target() + "' must have only one of source, constant, syncTime");
    }
    if (kinds == 0 && transform().isEmpty()) {
      throw new IllegalStateException(
          "mapping rule for '" + target() + "' needs a source, a constant, syncTime or transformers");
    }
    if (whenAbsent() != WhenAbsent.KEEP && source().isEmpty()) {
      throw new IllegalStateException("mapping rule for '" + target() + "': whenAbsent applies to rules with a source path");
    }
    try {
      source().ifPresent(FieldPath::parse);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("mapping rule for '" + target() + "': " + e.getMessage());
    }
  }

  /** {@return a readable form, e.g. {@code email ← email | trim | lowercase}} */
  public String describe() {
    String src =
        source().map(s -> s).orElseGet(() -> constant().map(c -> "constant " + c).orElse(syncTime() ? "sync time" : "(nothing)"));
    StringBuilder sb = new StringBuilder(target()).append(" <- ").append(src);
    for (TransformerSpec t : transform()) {
      sb.append(" | ").append(t);
    }
    if (strength() != Strength.ALWAYS) {
      sb.append(" [").append(strength()).append(']');
    }
    if (whenAbsent() != WhenAbsent.KEEP) {
      sb.append(" [absent: ").append(whenAbsent()).append(']');
    }
    return sb.toString();
  }

  /**
   * Builder of {@link MappingRule}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableMappingRule.Builder {
    Builder() {}
  }
}
