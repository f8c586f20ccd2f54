package org.brexsync.oomnitza.saas;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/** The outcome for one SaaS user of an activate/deactivate call: {@code {"saas_user_id", "error"}}. */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableSaasActivationResult.class)
@JsonDeserialize(as = ImmutableSaasActivationResult.class)
public interface SaasActivationResult extends WithSaasActivationResult {
  /** {@return {@code saas_user_id}} */
  @JsonProperty("saas_user_id")
  String saasUserId();

  /** {@return {@code error}; empty on success} */
  @JsonProperty("error")
  Optional<String> error();

  /** {@return true when Oomnitza reported no error} */
  @JsonIgnore
  default boolean succeeded() {
    return error().isEmpty();
  }

  /** {@return a new, empty builder} */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link SaasActivationResult}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  final class Builder extends ImmutableSaasActivationResult.Builder {
    Builder() {}
  }
}
