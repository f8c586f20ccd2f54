package org.brexsync.oomnitza;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.brexsync.http.CallOptions;
import org.brexsync.http.internal.Headers;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * Per-call options, taken by every call, reads and writes alike: Oomnitza's documented behaviour
 * headers, further headers and a timeout override. (Oomnitza has no idempotency keys.)
 *
 * <pre>{@code
 * client.users().update("jdoe", changes,
 *     RequestOptions.builder().ignoreMetaRestriction(true).notTriggerWorkflows(true).build());
 * }</pre>
 */
@Value.Immutable
@ValueStyle
public abstract class RequestOptions implements WithRequestOptions, CallOptions {
  private static final RequestOptions NONE = builder().build();
  private static final Set<String> AUTH = Set.of("authorization2", "authorization", "cookie", "x-csrf-token");
  // Set by the client (or by the JDK): a per-call value would conflict.
  private static final Set<String> RESERVED = Set.of("content-type", "content-length", "accept",
      "user-agent", "host", "connection", "expect", "upgrade", "transfer-encoding");

  /** {@return no options: no extra headers, the client's timeout} */
  public static RequestOptions none() {
    return NONE;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends {@code Oomnitza-Ignore-Meta-Restriction: 1}: allow writing fields that are not editable
   * in the data model.
   *
   * @return whether it did
   */
  @Value.Default
  public boolean ignoreMetaRestriction() {
    return false;
  }

  /**
   * Sends {@code Oomnitza-Allow-Unknown-Meta-Fields: 1}: unknown body fields are ignored instead of
   * rejected.
   *
   * @return whether it did
   */
  @Value.Default
  public boolean allowUnknownMetaFields() {
    return false;
  }

  /**
   * Sends {@code Oomnitza-Not-Trigger-WF: 1}: the write does not trigger Oomnitza workflows.
   *
   * @return whether it did
   */
  @Value.Default
  public boolean notTriggerWorkflows() {
    return false;
  }

  /** Overrides the client's request timeout for this call. */
  @Override
  public abstract Optional<Duration> timeout();

  /**
   * Further headers for undocumented behaviour. Authentication headers and the headers the client
   * or the JDK set (Content-Type, Accept, User-Agent, Host, ...) cannot be set here; names must be
   * HTTP tokens and values free of control characters.
   */
  @Override
  @Value.Redacted // values may be a proxy's credentials: toString shows ****
  public abstract Map<String, String> extraHeaders();

  @Value.Check
  void check() {
    extraHeaders().forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!Headers.validName(name)) {
        throw new IllegalArgumentException("not a valid HTTP header name: '" + name + "'");
      }
      if (AUTH.contains(lower)) {
        throw new IllegalArgumentException("authentication headers are set by the client, not per call: " + name);
      }
      if (RESERVED.contains(lower)) {
        throw new IllegalArgumentException("the header " + name + " is set by the client, not per call");
      }
      if (Headers.badValueCharacter(value) >= 0) {
        throw new IllegalArgumentException("the value of header " + name
            + " contains a control or non-Latin-1 character (not shown)");
      }
    });
    timeout().ifPresent(t -> {
      if (t.isNegative() || t.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
    });
  }

  /**
   * Builder of {@link RequestOptions}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableRequestOptions.Builder {
    Builder() {}
  }
}
