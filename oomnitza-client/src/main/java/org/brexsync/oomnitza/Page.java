package org.brexsync.oomnitza;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One fetched page of an offset-paged list: its rows, the {@code skip} and {@code limit} it was
 * requested with, and the total row count when Oomnitza sent one ({@code X-Total-Count}).
 *
 * @param <T> row type
 */
public final class Page<T> implements org.brexsync.http.Page<T> {
  private final List<T> items;
  private final long skip;
  private final int limit;
  private final Long totalCount;

  private Page(List<T> items, long skip, int limit, Long totalCount) {
    this.items = List.copyOf(items);
    this.skip = skip;
    this.limit = limit;
    this.totalCount = totalCount;
  }

  /**
   * {@return a page; {@code totalCount} may be empty}
   *
   * @param <T> the type of the value
   * @param items the items of the page
   * @param skip the skip
   * @param limit the limit
   * @param totalCount the total count
   */
  public static <T> Page<T> of(List<T> items, long skip, int limit, Optional<Long> totalCount) {
    Objects.requireNonNull(items, "items");
    return new Page<>(items, skip, limit, totalCount.orElse(null));
  }

  /** The rows (read-only). */
  @Override
  public List<T> items() {
    return items;
  }

  /** {@return the offset this page was requested at} */
  public long skip() {
    return skip;
  }

  /** {@return the page size it was requested with} */
  public int limit() {
    return limit;
  }

  /** {@return the total number of matching rows, if Oomnitza said} */
  public Optional<Long> totalCount() {
    return Optional.ofNullable(totalCount);
  }

  @Override
  public String toString() {
    return "Page{skip=" + skip + ", limit=" + limit + ", items=" + items.size()
        + (totalCount == null ? "" : ", totalCount=" + totalCount) + "}";
  }
}
