package org.brexsync.oomnitza.internal;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import org.brexsync.oomnitza.ListQuery;
import org.brexsync.oomnitza.OomnitzaResponseException;
import org.brexsync.oomnitza.PagedIterable;

/**
 * Lazy {@code limit}/{@code skip} paging. Stops when a page is shorter than requested (or empty),
 * when {@code X-Total-Count} says every row was seen, or at {@code maxResults}. A page longer than
 * requested means the server ignored {@code limit}: it is taken as the rest. A page identical to
 * the previous one means the server ignored {@code skip}: that is an error rather than a loop.
 */
public final class OffsetPager<T> implements PagedIterable<T> {
  /** One page as fetched. */
  public static final class Page<T> {
    final List<T> items;
    final OptionalLong total;
    final Response response;

    /** Creates a page. */
    public Page(List<T> items, OptionalLong total, Response response) {
      this.items = items;
      this.total = total;
      this.response = response;
    }
  }

  /** Fetches the page at {@code skip} with at most {@code limit} rows. */
  @FunctionalInterface
  public interface Fetcher<T> {
    /** Fetches one page. */
    Page<T> fetch(long skip, int limit);
  }

  private final ListQuery query;
  private final Fetcher<T> fetcher;

  /** Pages {@code query} through {@code fetcher}. */
  public OffsetPager(ListQuery query, Fetcher<T> fetcher) {
    this.query = query;
    this.fetcher = fetcher;
  }

  @Override
  public Iterable<org.brexsync.oomnitza.Page<T>> pages() {
    return PageIterator::new;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private final PageIterator pages = new PageIterator();
      private final Deque<T> buffer = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        while (buffer.isEmpty() && pages.hasNext()) {
          buffer.addAll(pages.next().items());
        }
        return !buffer.isEmpty();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return buffer.removeFirst();
      }
    };
  }

  private final class PageIterator implements Iterator<org.brexsync.oomnitza.Page<T>> {
    private long skip = query.skip();
    private long returned;
    private boolean done;
    private List<T> previous;

    @Override
    public boolean hasNext() {
      Optional<Long> max = query.maxResults();
      return !done && !(max.isPresent() && returned >= max.get());
    }

    @Override
    public org.brexsync.oomnitza.Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int limit = query.pageSize();
      long at = skip;
      Page<T> page = fetcher.fetch(at, limit);
      List<T> items = page.items;
      if (!items.isEmpty() && items.equals(previous)) {
        throw new OomnitzaResponseException(page.response.status(), page.response.call.method,
            page.response.call.path, "the same page was returned for a different skip (skip ignored?)", null);
      }
      previous = items;
      skip += items.size();
      if (items.size() != limit) {
        done = true; // short or empty page; or longer: limit ignored, so this was the rest
      }
      if (page.total.isPresent() && skip >= page.total.getAsLong()) {
        done = true;
      }
      List<T> visible = items;
      Optional<Long> max = query.maxResults();
      if (max.isPresent()) {
        long room = max.get() - returned;
        if (items.size() >= room) {
          visible = items.subList(0, (int) room);
          done = true;
        }
      }
      returned += visible.size();
      return org.brexsync.oomnitza.Page.of(Collections.unmodifiableList(visible), at, limit,
          page.total.isPresent() ? Optional.of(page.total.getAsLong()) : Optional.empty());
    }
  }
}
