package org.brexsync.brex;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a list call across all pages. Nothing is fetched until iteration starts; the next
 * page is fetched only when the current one is used up, so memory holds one page whatever the
 * size of the list. Each {@link #iterator()} or {@link #stream()} starts again from the first
 * page.
 *
 * @param <T> item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  private final Function<Optional<String>, Page<T>> fetch;
  private final Optional<String> startCursor;

  /**
   * Creates the iterable.
   *
   * @param fetch loads the page at a cursor (empty = first page)
   * @param startCursor cursor of the first page to load
   */
  public PagedIterable(Function<Optional<String>, Page<T>> fetch, Optional<String> startCursor) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.startCursor = Objects.requireNonNull(startCursor, "startCursor");
  }

  /** Fetches and returns only the first page. */
  public Page<T> firstPage() {
    return fetch.apply(startCursor);
  }

  /** Lazily iterates the pages themselves. */
  public Iterable<Page<T>> pages() {
    return () -> new Iterator<>() {
      private Optional<String> cursor = startCursor;
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done;
      }

      @Override
      public Page<T> next() {
        if (done) {
          throw new NoSuchElementException();
        }
        Page<T> page = fetch.apply(cursor);
        cursor = page.nextCursor();
        done = cursor.isEmpty();
        return page;
      }
    };
  }

  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = pages().iterator();
    return new Iterator<>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!pages.hasNext()) {
            return false;
          }
          current = pages.next().items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** A sequential, lazy stream over all items. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }
}
