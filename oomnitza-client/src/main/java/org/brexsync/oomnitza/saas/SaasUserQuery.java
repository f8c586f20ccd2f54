package org.brexsync.oomnitza.saas;

import java.util.List;
import java.util.Optional;
import org.brexsync.oomnitza.filter.Filter;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/** Query parameters of the SaaS user lists: {@code filter}, {@code text}, {@code roles}, {@code last_visit}, page size. */
@Value.Immutable
@ValueStyle
public abstract class SaasUserQuery implements WithSaasUserQuery {
  private static final SaasUserQuery ALL = builder().build();

  /** {@return no parameters} */
  public static SaasUserQuery all() {
    return ALL;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return {@code filter} (only {@code /api/v3/saas_users})} */
  public abstract Optional<Filter> filter();

  /** {@return {@code text}: full-text search (only {@code /api/v3/saas_users})} */
  public abstract Optional<String> text();

  /** {@return {@code roles}: keep users sharing a role with this list (sent comma-separated)} */
  public abstract List<String> roles();

  /** {@return {@code last_visit} filter, passed through as given (only {@code /api/v3/saas/{id}/users})} */
  public abstract Optional<String> lastVisit();

  /** {@return rows per request ({@code limit}/{@code skip} paging, as on the other v3 lists)} */
  @Value.Default
  public int pageSize() {
    return 100;
  }

  @Value.Check
  void check() {
    if (pageSize() < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1");
    }
  }

  /**
   * Builder of {@link SaasUserQuery}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableSaasUserQuery.Builder {
    Builder() {}
  }
}
