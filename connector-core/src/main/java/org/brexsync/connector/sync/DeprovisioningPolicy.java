package org.brexsync.connector.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.Set;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * What a run does in Oomnitza for Brex users that left: users whose status is one of
 * {@link #statuses()} (DISABLED, DELETED, ARCHIVED by default) and, when {@link #includeGone()}, users
 * synced before that Brex no longer returns. JSON form: {@code {"action":"SUSPEND"}} or
 * {@code {"action":"SET_FIELD","field":"employment_status","value":"Left"}}.
 */
@Value.Immutable
@ValueStyle
@JsonSerialize(as = ImmutableDeprovisioningPolicy.class)
@JsonDeserialize(as = ImmutableDeprovisioningPolicy.class)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public abstract class DeprovisioningPolicy implements WithDeprovisioningPolicy {

  /** The action. */
  public enum Action {
    /** Do nothing special: departed users are mapped like any other (default). */
    NONE,
    /** Set {@code suspended: true} on the Oomnitza user. */
    SUSPEND,
    /** Set a configured field to a configured value. */
    SET_FIELD
  }

  /** {@return the action (default {@link Action#NONE})} */
  @JsonProperty("action")
  @Value.Default
  public Action action() {
    return Action.NONE;
  }

  /** {@return the field set by SET_FIELD} */
  @JsonProperty("field")
  public abstract Optional<String> field();

  /** {@return the value set by SET_FIELD} */
  @JsonProperty("value")
  public abstract Optional<JsonNode> value();

  /** {@return Brex statuses that count as departed (default DISABLED, DELETED, ARCHIVED)} */
  @JsonProperty("statuses")
  @Value.Default
  public Set<String> statuses() {
    return Set.of("DISABLED", "DELETED", "ARCHIVED");
  }

  /** {@return whether users synced before and no longer returned by Brex count as departed (default true)} */
  @JsonProperty("includeGone")
  @Value.Default
  public boolean includeGone() {
    return true;
  }

  /** {@return the default: no deprovisioning} */
  public static DeprovisioningPolicy none() {
    return builder().build();
  }

  /** {@return a policy that marks departed users suspended} */
  public static DeprovisioningPolicy suspend() {
    return builder().action(Action.SUSPEND).build();
  }

  /**
   * Set a field on departed users.
   *
   * @param field the Oomnitza field external id, e.g. {@code employment_status}
   * @param value the value to set, converted to JSON (e.g. {@code "Left"})
   * @return the policy
   */
  public static DeprovisioningPolicy setField(String field, Object value) {
    return builder()
        .action(Action.SET_FIELD)
        .field(field)
        .value(Json.mapper().valueToTree(value))
        .build();
  }

  /** {@return the field and value this policy writes; empty for {@link Action#NONE}} */
  public Optional<java.util.Map.Entry<String, JsonNode>> write() {
    switch (action()) {
      case SUSPEND:
        return Optional.of(java.util.Map.entry("suspended", com.fasterxml.jackson.databind.node.BooleanNode.TRUE));
      case SET_FIELD:
        return Optional.of(java.util.Map.entry(field().orElseThrow(), value().orElse(com.fasterxml.jackson.databind.node.NullNode.instance)));
      default:
        return Optional.empty();
    }
  }

  @Value.Check
  void check() {
    if (action() == Action.SET_FIELD && (field().isEmpty() || field().get().isBlank() || value().isEmpty())) {
      throw new IllegalStateException("deprovisioning action SET_FIELD needs a 'field' and a 'value'");
    }
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link DeprovisioningPolicy}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableDeprovisioningPolicy.Builder {
    Builder() {}
  }
}
