package org.brexsync.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brexsync.testkit.internal.Json;
import org.brexsync.testkit.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * One request a simulator received, as recorded in its request log.
 *
 * <p>Headers and body are redacted from {@link #toString()} because they carry tokens.
 */
@Value.Immutable
@ValueStyle
public abstract class RecordedCall implements WithRecordedCall {

  /** {@return HTTP method, upper case} */
  public abstract String method();

  /** {@return decoded request path, e.g. {@code /v2/users/cuuser_1}} */
  public abstract String path();

  /** {@return raw (still encoded) query string, if any} */
  public abstract Optional<String> query();

  /** {@return the spec path template that matched, e.g. {@code /v2/users/{id}}; empty for unknown paths} */
  public abstract Optional<String> endpoint();

  /** {@return request headers, names in lower case} */
  @Value.Redacted
  public abstract Map<String, List<String>> headers();

  /** {@return request body as UTF-8 text (empty when none)} */
  @Value.Redacted
  public abstract String body();

  /** {@return status sent to the client; 0 when the connection was dropped without a response} */
  public abstract int status();

  /** {@return the injected fault, if any (a {@link FaultInjector.Kind} name)} */
  public abstract Optional<String> fault();

  /** {@return when the request arrived, by the simulator's clock} */
  public abstract Instant at();

  /**
   * {@return first value of a header (case-insensitive name)}
   *
   * @param name the name
   */
  public Optional<String> header(String name) {
    List<String> v = headers().get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** {@return the body parsed as JSON (throws if it is not JSON)} */
  public JsonNode json() {
    return Json.parse(body());
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link RecordedCall}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableRecordedCall.Builder {
    Builder() {}
  }
}
