package org.brexsync.oomnitza;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * Per-call options: Oomnitza's documented behaviour headers and a timeout override.
 *
 * <pre>{@code
 * client.users().update("jdoe", changes,
 *     RequestOptions.builder().ignoreMetaRestriction(true).notTriggerWorkflows(true).build());
 * }</pre>
 */
@Value.Immutable
@ValueStyle
public abstract class RequestOptions {
  private static final RequestOptions NONE = ImmutableRequestOptions.builder().build();

  /** No options: no extra headers, the client's timeout. */
  public static RequestOptions none() {
    return NONE;
  }

  /** A new builder. */
  public static ImmutableRequestOptions.Builder builder() {
    return ImmutableRequestOptions.builder();
  }

  /**
   * Sends {@code Oomnitza-Ignore-Meta-Restriction: 1}: allow writing fields that are not editable
   * in the data model.
   */
  @Value.Default
  public boolean ignoreMetaRestriction() {
    return false;
  }

  /**
   * Sends {@code Oomnitza-Allow-Unknown-Meta-Fields: 1}: unknown body fields are ignored instead of
   * rejected.
   */
  @Value.Default
  public boolean allowUnknownMetaFields() {
    return false;
  }

  /** Sends {@code Oomnitza-Not-Trigger-WF: 1}: the write does not trigger Oomnitza workflows. */
  @Value.Default
  public boolean notTriggerWorkflows() {
    return false;
  }

  /** Overrides the client's request timeout for this call. */
  public abstract Optional<Duration> timeout();

  /**
   * Further headers for undocumented behaviour. Authentication headers cannot be set here.
   */
  public abstract Map<String, String> extraHeaders();

  @Value.Check
  void check() {
    for (String name : extraHeaders().keySet()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("authorization2") || lower.equals("authorization") || lower.equals("cookie")) {
        throw new IllegalArgumentException("authentication headers are set by the client, not per call: " + name);
      }
    }
    timeout().ifPresent(t -> {
      if (t.isNegative() || t.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
    });
  }
}
