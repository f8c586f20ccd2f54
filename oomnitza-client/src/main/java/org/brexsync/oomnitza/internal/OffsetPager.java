package org.brexsync.oomnitza.internal;

import java.util.ArrayDeque;
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
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private final Deque<T> buffer = new ArrayDeque<>();
      private long skip = query.skip();
      private long returned;
      private boolean done;
      private List<T> previous;

      @Override
      public boolean hasNext() {
        Optional<Long> max = query.maxResults();
        if (max.isPresent() && returned >= max.get()) {
          return false;
        }
        while (buffer.isEmpty() && !done) {
          fetchNext();
        }
        return !buffer.isEmpty();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        returned++;
        return buffer.removeFirst();
      }

      private void fetchNext() {
        int limit = query.pageSize();
        Page<T> page = fetcher.fetch(skip, limit);
        List<T> items = page.items;
        if (!items.isEmpty() && items.equals(previous)) {
          throw new OomnitzaResponseException(page.response.status(), page.response.call.method,
              page.response.call.path, "the same page was returned for a different skip (skip ignored?)", null);
        }
        previous = items;
        buffer.addAll(items);
        skip += items.size();
        if (items.size() != limit) {
          done = true; // short or empty page; or longer: limit ignored, so this was the rest
        }
        if (page.total.isPresent() && skip >= page.total.getAsLong()) {
          done = true;
        }
        Optional<Long> max = query.maxResults();
        if (max.isPresent() && returned + buffer.size() >= max.get()) {
          done = true;
        }
      }
    };
  }
}
