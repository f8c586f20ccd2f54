package org.brexsync.oomnitza.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
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
 * requested means the server ignored {@code limit}: it is taken as the rest. Errors rather than a
 * loop or silently lost rows: a page identical to one of the last pages (the server ignored
 * {@code skip}), an {@code X-Total-Count} smaller than on an earlier page (rows deleted under the
 * listing shift later rows to offsets already read), and more than {@code maxPages} pages.
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

  // Digests of recent pages remembered per iteration to recognise a repeat; longer cycles hit maxPages.
  private static final int REMEMBERED_PAGES = 16;

  private final ListQuery query;
  private final String path;
  private final int maxPages;
  private final Fetcher<T> fetcher;

  /** Pages {@code query} of {@code path} (for messages) through {@code fetcher}, at most {@code maxPages} pages. */
  public OffsetPager(ListQuery query, String path, int maxPages, Fetcher<T> fetcher) {
    this.query = query;
    this.path = path;
    this.maxPages = maxPages;
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
    private long fetched;
    private OptionalLong lastTotal = OptionalLong.empty();
    private final LinkedHashSet<ByteBuffer> recent = new LinkedHashSet<>();

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
      if (fetched >= maxPages) {
        done = true;
        throw new OomnitzaResponseException(200, "GET", path, "stopped after " + maxPages
            + " pages, the client's maxPages bound, with more rows announced: the server may be"
            + " paging in circles (or raise OomnitzaClient.Builder.maxPages)", null);
      }
      int limit = query.pageSize();
      long at = skip;
      Page<T> page = fetcher.fetch(at, limit);
      fetched++;
      List<T> items = page.items;
      if (!items.isEmpty() && (items.equals(previous) || !recent.add(digest(page.response.body())))) {
        done = true;
        throw new OomnitzaResponseException(page.response.status(), "GET", path,
            "the page at skip=" + at + " repeats an earlier page (the server ignored skip?);"
                + " stopped instead of looping", null);
      }
      if (recent.size() > REMEMBERED_PAGES) {
        recent.remove(recent.iterator().next());
      }
      if (page.total.isPresent() && lastTotal.isPresent()
          && page.total.getAsLong() < lastTotal.getAsLong()) {
        done = true;
        throw new OomnitzaResponseException(page.response.status(), "GET", path,
            "X-Total-Count shrank from " + lastTotal.getAsLong() + " to " + page.total.getAsLong()
                + " while paging (at skip=" + at + "): rows were deleted under the listing, so"
                + " offset paging would silently skip some; list again", null);
      }
      if (page.total.isPresent()) {
        lastTotal = page.total;
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

  private static ByteBuffer digest(byte[] body) {
    try {
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
