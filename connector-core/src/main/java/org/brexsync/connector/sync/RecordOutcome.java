package org.brexsync.connector.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.brexsync.connector.internal.ValueStyle;
import org.brexsync.connector.mapping.FieldChange;
import org.immutables.value.Value;

/** What happened to one record in a run. */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableRecordOutcome.class)
@JsonDeserialize(as = ImmutableRecordOutcome.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public interface RecordOutcome extends WithRecordOutcome {
  /** {@return what the run decided for the record} */
  @JsonProperty("situation")
  Situation situation();

  /** {@return the Brex user id} */
  @JsonProperty("sourceId")
  String sourceId();

  /** {@return the sync-key value, when mapped} */
  @JsonProperty("syncKey")
  Optional<String> syncKey();

  /** {@return the Oomnitza identifier, when known} */
  @JsonProperty("targetId")
  Optional<String> targetId();

  /** {@return for CREATE: every field written; for UPDATE: each changed field with its old value} */
  @JsonProperty("changes")
  List<FieldChange> changes();

  /** {@return why the record was skipped or failed, or "deprovisioned"} */
  @JsonProperty("reason")
  Optional<String> reason();

  /** {@return whether this outcome deprovisions a departed user} */
  @JsonProperty("deprovision")
  @Value.Default
  default boolean deprovision() {
    return false;
  }

  /**
   * {@return whether this CREATE or UPDATE was sent in a bulk portion whose answer said nothing about
   * this record} Oomnitza may have rejected it. Its state is not committed as written, so the next run
   * checks it again.
   */
  @JsonProperty("unverified")
  @Value.Default
  default boolean unverified() {
    return false;
  }

  /** {@return a new, empty builder} */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link RecordOutcome}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  final class Builder extends ImmutableRecordOutcome.Builder {
    Builder() {}
  }
}
