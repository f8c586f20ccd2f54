package org.brexsync.oomnitza;

import java.util.List;
import org.brexsync.oomnitza.filter.FilterSyntax;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * Everything about Oomnitza's API that Oomnitza does not document, collected in one place so a
 * tenant that behaves differently can be accommodated without a new release. The defaults follow
 * the official connector and the REST v3 description (see the module README, "Configurable
 * behaviour").
 *
 * <pre>{@code
 * OomnitzaConventions c = OomnitzaConventions.builder()
 *     .userIdentField(ExternalId.of("uid"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@ValueStyle
public abstract class OomnitzaConventions implements WithOomnitzaConventions {
  private static final OomnitzaConventions DEFAULTS = builder().build();

  /** {@return the defaults} */
  public static OomnitzaConventions defaults() {
    return DEFAULTS;
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return username/password → token exchange (form-encoded POST)} */
  @Value.Default
  public String requestTokenPath() {
    return "/api/request_token";
  }

  /** {@return the cheap authenticated GET used by {@code verifyCredentials()} (path plus optional query)} */
  @Value.Default
  public String verifyCredentialsPath() {
    return "/api/v2/mappings?name=AuthTest";
  }

  /** {@return REST v3 users collection} */
  @Value.Default
  public String usersPath() {
    return "/api/v3/users";
  }

  /**
   * {@return the users data model ({@code GET}), read by {@code users().fieldCatalog()}: an object keyed by
   * each field's External ID whose values are the REST v3 description's {@code Metadata field}
   * objects} The path is not in the REST v3 description (third-party clients call
   * {@code /api/v3/<module>/meta}).
   */
  @Value.Default
  public String usersMetaPath() {
    return "/api/v3/users/meta";
  }

  /**
   * {@return the property of a {@code Metadata field} object that holds the field's Field ID (the bulk API's
   * key, e.g. {@code USER} or a 32-hex custom id)} The description lists {@code internal_id} without
   * saying what it holds.
   */
  @Value.Default
  public String metaFieldIdProperty() {
    return "internal_id";
  }

  /**
   * {@return the user field whose value is the {@code {ident}} in {@code /api/v3/users/{ident}}: Oomnitza
   * only says "ID of system object"; third-party clients use {@code username}}
   */
  @Value.Default
  public ExternalId userIdentField() {
    return OomnitzaUser.USERNAME;
  }

  /**
   * {@return when a list response is a JSON object instead of an array, the first of these keys holding an
   * array is taken as the rows}
   */
  @Value.Default
  public List<String> listEnvelopeKeys() {
    return List.of("data", "items", "results", "records", "rows");
  }

  /** {@return response header with the total row count of a list, when present} */
  @Value.Default
  public String totalCountHeader() {
    return "X-Total-Count";
  }

  /** {@return response headers that may carry a request/trace id (first present wins)} */
  @Value.Default
  public List<String> traceIdHeaders() {
    return List.of("X-Request-Id", "X-Correlation-Id", "X-Trace-Id");
  }

  /**
   * {@return most values in one {@code IN [...]} filter built by {@code users().findAll(field, values)}:
   * keeps request lines well under common 8 KB server limits}
   */
  @Value.Default
  public int maxFilterValues() {
    return 50;
  }

  /** {@return quote, escape and date rules of the filter language} */
  @Value.Default
  public FilterSyntax filterSyntax() {
    return FilterSyntax.defaults();
  }

  /**
   * {@return whether an {@code X-CSRF-Token} from the token exchange is echoed on later calls (as the connector does)}
   */
  @Value.Default
  public boolean echoCsrfToken() {
    return true;
  }

  /** {@return bulk upload} */
  @Value.Default
  public String bulkPath() {
    return "/api/v3/bulk";
  }

  /** {@return bulk run finalize; {@code {portion}} is replaced} */
  @Value.Default
  public String bulkFinalizePath() {
    return "/api/v3/bulk/{portion}/finalize";
  }

  /** {@return bulk run status (cancellation check); {@code {portion}} is replaced} */
  @Value.Default
  public String bulkStatusPath() {
    return "/api/v3/bulk/{portion}";
  }

  /** {@return the boolean field of the status response that says the run was cancelled in the UI} */
  @Value.Default
  public String bulkCanceledField() {
    return "canceled";
  }

  /**
   * Run logs of one connector; {@code {connector}} is replaced.
   *
   * @return the string
   */
  @Value.Default
  public String runLogsPath() {
    return "/api/v3/connector_run_logs/{connector}";
  }

  /** {@return details of one run; {@code {portion}} is replaced} */
  @Value.Default
  public String runLogDetailsPath() {
    return "/api/v3/connector_run_logs/connectors/{portion}";
  }

  /** {@return SaaS users collection} */
  @Value.Default
  public String saasUsersPath() {
    return "/api/v3/saas_users";
  }

  /** {@return SaaS collection ({@code /{saas_id}/users} is appended)} */
  @Value.Default
  public String saasPath() {
    return "/api/v3/saas";
  }

  @Value.Check
  void check() {
    for (String p : List.of(requestTokenPath(), verifyCredentialsPath(), usersPath(), bulkPath(),
        bulkFinalizePath(), bulkStatusPath(), runLogsPath(), runLogDetailsPath(), saasUsersPath(), saasPath())) {
      if (!p.startsWith("/")) {
        throw new IllegalArgumentException("paths must start with '/': " + p);
      }
    }
    if (maxFilterValues() < 1) {
      throw new IllegalArgumentException("maxFilterValues must be at least 1");
    }
    require(bulkFinalizePath(), "{portion}");
    require(bulkStatusPath(), "{portion}");
    require(runLogsPath(), "{connector}");
    require(runLogDetailsPath(), "{portion}");
  }

  private static void require(String path, String placeholder) {
    if (!path.contains(placeholder)) {
      throw new IllegalArgumentException(path + " must contain " + placeholder);
    }
  }

  /**
   * Builder of {@link OomnitzaConventions}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableOomnitzaConventions.Builder {
    Builder() {}
  }
}
