package org.brexsync.brex;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.brexsync.http.internal.Pager;
import org.brexsync.http.internal.Redactor;

/**
 * The items of a list call across all pages. Nothing is fetched until iteration starts; the next
 * page is fetched only when the current one is used up, so memory holds one page whatever the
 * size of the list. Each {@link #iterator()} or {@link #stream()} starts again from the first
 * page.
 *
 * <p>Paging is bounded: a server that answers with a {@code next_cursor} already used in this
 * iteration (the same cursor again, or an empty page pointing back at itself) would make the loop
 * endless, so it fails with a {@link BrexResponseException} naming the cursor; and no iteration
 * fetches more than {@code maxPages} pages ({@link BrexClient.Builder#maxPages(int)}). The core's
 * {@link org.brexsync.http.PagedIterable} over Brex's cursor paging.
 *
 * @param <T> item type
 */
public final class PagedIterable<T> implements org.brexsync.http.PagedIterable<T> {
  /** Default bound on the pages of one iteration. */
  public static final int DEFAULT_MAX_PAGES = org.brexsync.http.PagedIterable.DEFAULT_MAX_PAGES;
  // Cursors remembered per iteration to recognise a cycle; longer cycles hit maxPages.
  private static final int REMEMBERED_CURSORS = 64;

  private final Function<Optional<String>, Page<T>> fetch;
  private final Optional<String> startCursor;
  private final String path;
  private final Pager<Optional<String>, Page<T>, Page<T>> pager;

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
    this.pager = new Pager<>(new Cursors(), maxPages, REMEMBERED_CURSORS);
  }

  /** Fetches and returns only the first page. */
  @Override
  public Page<T> firstPage() {
    return fetch.apply(startCursor);
  }

  /** Lazily iterates the pages themselves. */
  @Override
  public Iterable<Page<T>> pages() {
    return pager;
  }

  /** Brex's cursor paging: the next page is at the last page's {@code next_cursor}. */
  private final class Cursors implements Pager.Source<Optional<String>, Page<T>, Page<T>> {
    @Override
    public Optional<String> start() {
      return startCursor;
    }

    @Override
    public Page<T> fetch(Optional<String> cursor) {
      return fetch.apply(cursor);
    }

    @Override
    public Optional<?> repeatKey(Optional<String> cursor, Page<T> page) {
      return page.nextCursor();
    }

    @Override
    public List<String> seedKeys() {
      return startCursor.stream().toList();
    }

    @Override
    public Pager.Step<Optional<String>, Page<T>> step(Optional<String> cursor, Page<T> page) {
      return new Pager.Step<>(page, page.nextCursor().map(Optional::of));
    }

    @Override
    public RuntimeException repeated(Optional<String> cursor, Page<T> page, int fetched) {
      String shown = Redactor.patternsOnly().redact(page.nextCursor().orElse(""));
      shown = shown.length() > 100 ? shown.substring(0, 100) + "..." : shown;
      return new BrexResponseException("Brex returned next_cursor \"" + shown + "\" for GET "
          + path + " again (page " + fetched + ", " + page.items().size() + " items): it was"
          + " already used in this listing, so following it would loop for ever; stopped",
          0, "GET", path, "", null);
    }

    @Override
    public RuntimeException tooManyPages(int maxPages) {
      return new BrexResponseException("Stopped listing GET " + path + " after " + maxPages
          + " pages, the client's maxPages bound, with more announced by next_cursor: the"
          + " server may be paging in circles (or raise BrexClient.Builder.maxPages)",
          0, "GET", path, "", null);
    }
  }
}
