package org.brexsync.brex;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list call: its items and the cursor of the next page (empty on the last page).
 *
 * @param <T> item type
 */
public final class Page<T> implements org.brexsync.http.Page<T> {
  private final List<T> items;
  private final String nextCursor;

  /**
   * Creates a page; {@code nextCursor} null or empty means last page.
   *
   * @param items the items of the page
   * @param nextCursor the cursor of the next page, empty on the last one
   */
  public Page(List<T> items, String nextCursor) {
    this.items = List.copyOf(items);
    this.nextCursor = nextCursor == null || nextCursor.isEmpty() ? null : nextCursor;
  }

  /**
   * {@return a page; an empty cursor means last page}
   *
   * @param <T> the type of the value
   * @param items the items of the page
   * @param nextCursor the cursor of the next page, empty on the last one
   */
  public static <T> Page<T> of(List<T> items, Optional<String> nextCursor) {
    return new Page<>(items, nextCursor.orElse(null));
  }

  /** The items of this page, in Brex's (chronological) order. */
  @Override
  public List<T> items() {
    return items;
  }

  /** {@return cursor of the next page; empty when this is the last page} */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(nextCursor);
  }

  /** {@return whether another page follows} */
  public boolean hasNext() {
    return nextCursor != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Page<?> p && p.items.equals(items) && Objects.equals(p.nextCursor, nextCursor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, nextCursor);
  }

  @Override
  public String toString() {
    return "Page[" + items.size() + " items, nextCursor=" + nextCursor + "]";
  }
}
