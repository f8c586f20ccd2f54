package org.brexsync.brex;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.brexsync.brex.internal.Redactor;

/**
 * The items of a list call across all pages. Nothing is fetched until iteration starts; the next
 * page is fetched only when the current one is used up, so memory holds one page whatever the
 * size of the list. Each {@link #iterator()} or {@link #stream()} starts again from the first
 * page.
 *
 * <p>Paging is bounded: a server that answers with a {@code next_cursor} already used in this
 * iteration (the same cursor again, or an empty page pointing back at itself) would make the loop
 * endless, so it fails with a {@link BrexResponseException} naming the cursor; and no iteration
 * fetches more than {@code maxPages} pages ({@link BrexClient.Builder#maxPages(int)}).
 *
 * @param <T> item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  /** Default bound on the pages of one iteration. */
  public static final int DEFAULT_MAX_PAGES = 100_000;
  // Cursors remembered per iteration to recognise a cycle; longer cycles hit maxPages.
  private static final int REMEMBERED_CURSORS = 64;

  private final Function<Optional<String>, Page<T>> fetch;
  private final Optional<String> startCursor;
  private final String path;
  private final int maxPages;

  /**
   * Creates the iterable, bounded by {@link #DEFAULT_MAX_PAGES}.
   *
   * @param fetch loads the page at a cursor (empty = first page)
   * @param startCursor cursor of the first page to load
   */
  public PagedIterable(Function<Optional<String>, Page<T>> fetch, Optional<String> startCursor) {
    this(fetch, startCursor, "(list)", DEFAULT_MAX_PAGES);
  }

  /**
   * Creates the iterable.
   *
   * @param fetch loads the page at a cursor (empty = first page)
   * @param startCursor cursor of the first page to load
   * @param path the listed path, for messages (e.g. {@code /v2/users})
   * @param maxPages most pages one iteration fetches (at least 1)
   */
  public PagedIterable(Function<Optional<String>, Page<T>> fetch, Optional<String> startCursor,
      String path, int maxPages) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.startCursor = Objects.requireNonNull(startCursor, "startCursor");
    this.path = Objects.requireNonNull(path, "path");
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1");
    }
    this.maxPages = maxPages;
  }

  /** Fetches and returns only the first page. */
  public Page<T> firstPage() {
    return fetch.apply(startCursor);
  }

  /** Lazily iterates the pages themselves. */
  public Iterable<Page<T>> pages() {
    return () -> new Iterator<>() {
      private Optional<String> cursor = startCursor;
      private final LinkedHashSet<String> used = new LinkedHashSet<>();
      private int fetched;
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
        if (fetched >= maxPages) {
          done = true;
          throw new BrexResponseException("Stopped listing GET " + path + " after " + maxPages
              + " pages, the client's maxPages bound, with more announced by next_cursor: the"
              + " server may be paging in circles (or raise BrexClient.Builder.maxPages)",
              0, "GET", path, "", null);
        }
        cursor.ifPresent(this::remember);
        Page<T> page = fetch.apply(cursor);
        fetched++;
        Optional<String> next = page.nextCursor();
        if (next.isPresent() && used.contains(next.get())) {
          done = true;
          String shown = Redactor.patternsOnly().redact(next.get());
          shown = shown.length() > 100 ? shown.substring(0, 100) + "..." : shown;
          throw new BrexResponseException("Brex returned next_cursor \"" + shown + "\" for GET "
              + path + " again (page " + fetched + ", " + page.items().size() + " items): it was"
              + " already used in this listing, so following it would loop for ever; stopped",
              0, "GET", path, "", null);
        }
        cursor = next;
        done = cursor.isEmpty();
        return page;
      }

      private void remember(String c) {
        used.add(c);
        if (used.size() > REMEMBERED_CURSORS) {
          used.remove(used.iterator().next());
        }
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
