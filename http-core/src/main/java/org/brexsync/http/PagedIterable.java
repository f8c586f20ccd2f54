package org.brexsync.http;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a list call across all its pages, fetched lazily: a page is requested only when
 * iteration reaches it, so memory holds one page whatever the size of the list. Each {@link
 * #iterator()}, {@link #pages()} or {@link #stream()} starts again from the first page.
 *
 * <p>Paging is bounded: every client stops with its response exception, rather than loop for ever
 * or silently skip items, when the server goes in circles (a cursor or a page it already gave in
 * this iteration) and after the client's {@code maxPages} pages.
 *
 * @param <T> item type
 */
public interface PagedIterable<T> extends Iterable<T> {
  /** Default bound on the pages of one iteration (each client's {@code Builder.maxPages}). */
  int DEFAULT_MAX_PAGES = 100_000;

  /** {@return the pages themselves, lazily: one request per page as iteration reaches it} */
  Iterable<? extends Page<T>> pages();

  /**
   * Fetches and returns only the first page: one request.
   *
   * @return the page
   */
  Page<T> firstPage();

  /** The items of every page, page after page. */
  @Override
  default Iterator<T> iterator() {
    Iterator<? extends Page<T>> pages = pages().iterator();
    return new Iterator<>() {
      private Iterator<T> current = Collections.emptyIterator();

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

  /** {@return a sequential, lazy stream over all items} */
  default Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Reads every page into a list (memory grows with the list: for small lists).
   *
   * @return the ts
   */
  default List<T> toList() {
    return stream().collect(Collectors.toList());
  }
}
