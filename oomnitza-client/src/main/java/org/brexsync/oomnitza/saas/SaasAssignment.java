package org.brexsync.oomnitza.saas;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/** One entry of a bulk assign: {@code {"user_id": "...", "assign": true|false}}. */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableSaasAssignment.class)
@JsonDeserialize(as = ImmutableSaasAssignment.class)
public interface SaasAssignment extends WithSaasAssignment {
  /**
   * Assign {@code userId} to the SaaS.
   *
   * @param userId the user id
   * @return the SaaS assignment
   */
  static SaasAssignment assign(String userId) {
    return builder().userId(userId).assign(true).build();
  }

  /**
   * Unassign {@code userId} from the SaaS.
   *
   * @param userId the user id
   * @return the SaaS assignment
   */
  static SaasAssignment unassign(String userId) {
    return builder().userId(userId).assign(false).build();
  }

  /** {@return {@code user_id}: the Oomnitza user} */
  @JsonProperty("user_id")
  String userId();

  /** {@return {@code assign}: true to assign, false to unassign} */
  @JsonProperty("assign")
  boolean assign();

  /** {@return a new, empty builder} */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link SaasAssignment}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  final class Builder extends ImmutableSaasAssignment.Builder {
    Builder() {}
  }
}
