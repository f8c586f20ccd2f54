package org.brexsync.oomnitza;

import java.util.List;
import java.util.Optional;
import org.brexsync.oomnitza.filter.Filter;
import org.brexsync.oomnitza.internal.ValueStyle;
import org.immutables.value.Value;

/**
 * What to list: page size (sent as {@code limit}), start offset ({@code skip}), {@code sortby},
 * {@code filter}, {@code fields}, and an optional cap on the number of results.
 *
 * <pre>{@code
 * ListQuery q = ListQuery.builder()
 *     .filter(Filter.eq("position", "Engineer"))
 *     .sortBy(Sort.asc("email"))
 *     .addFields(OomnitzaUser.EMAIL, OomnitzaUser.USERNAME)
 *     .pageSize(200)
 *     .build();
 * }</pre>
 */
@Value.Immutable
@ValueStyle
public abstract class ListQuery implements WithListQuery {
  /** Default page size (Oomnitza documents no maximum; the official clients use 100–2000). */
  public static final int DEFAULT_PAGE_SIZE = 100;

  private static final ListQuery ALL = builder().build();

  /** {@return everything, default page size} */
  public static ListQuery all() {
    return ALL;
  }

  /**
   * {@return everything matching {@code filter}}
   *
   * @param filter the filter
   */
  public static ListQuery of(Filter filter) {
    return builder().filter(filter).build();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return rows per request, sent as {@code limit}} */
  @Value.Default
  public int pageSize() {
    return DEFAULT_PAGE_SIZE;
  }

  /** {@return 0-based offset of the first row, sent as {@code skip}} */
  @Value.Default
  public long skip() {
    return 0;
  }

  /** {@return {@code sortby}} Without one, paging relies on the server's default order being stable. */
  public abstract Optional<Sort> sortBy();

  /** {@return {@code filter}} */
  public abstract Optional<Filter> filter();

  /** {@return {@code fields}: only these fields are returned (comma-separated on the wire)} */
  public abstract List<ExternalId> fields();

  /**
   * Stop after this many results.
   *
   * @return the long, or empty
   */
  public abstract Optional<Long> maxResults();

  @Value.Check
  void check() {
    if (pageSize() < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1");
    }
    if (skip() < 0) {
      throw new IllegalArgumentException("skip must not be negative");
    }
    maxResults().ifPresent(m -> {
      if (m < 0) {
        throw new IllegalArgumentException("maxResults must not be negative");
      }
    });
  }

  /**
   * Builder of {@link ListQuery}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value.
   */
  public static final class Builder extends ImmutableListQuery.Builder {
    Builder() {}
  }
}
