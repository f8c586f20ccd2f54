package org.brexsync.oomnitza.internal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.brexsync.http.internal.Pager;
import org.brexsync.http.internal.Response;
import org.brexsync.oomnitza.ListQuery;
import org.brexsync.oomnitza.OomnitzaResponseException;
import org.brexsync.oomnitza.PagedIterable;

/**
 * Oomnitza's lazy {@code limit}/{@code skip} paging on the core's {@link Pager}. Stops when a page
 * is shorter than requested (or empty), when {@code X-Total-Count} says every row was seen, or at
 * {@code maxResults}. A page longer than requested means the server ignored {@code limit}: it is
 * taken as the rest. Errors rather than a loop or silently lost rows: a page identical to one of
 * the last pages (the server ignored {@code skip}), an {@code X-Total-Count} smaller than on an
 * earlier page (rows deleted under the listing shift later rows to offsets already read), and more
 * than {@code maxPages} pages.
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

  /** Where the next page is, and what the listing has seen so far. */
  private record At<T>(long skip, long returned, OptionalLong lastTotal, List<T> previous) {}

  private final ListQuery query;
  private final String path;
  private final Fetcher<T> fetcher;
  private final Pager<At<T>, Page<T>, org.brexsync.oomnitza.Page<T>> pager;

  /** Pages {@code query} of {@code path} (for messages) through {@code fetcher}, at most {@code maxPages} pages. */
  public OffsetPager(ListQuery query, String path, int maxPages, Fetcher<T> fetcher) {
    this.query = query;
    this.path = path;
    this.fetcher = fetcher;
    this.pager = new Pager<>(new Offsets(), maxPages, REMEMBERED_PAGES);
  }

  @Override
  public Iterable<org.brexsync.oomnitza.Page<T>> pages() {
    return pager;
  }

  private final class Offsets implements Pager.Source<At<T>, Page<T>, org.brexsync.oomnitza.Page<T>> {
    @Override
    public At<T> start() {
      return new At<>(query.skip(), 0, OptionalLong.empty(), null);
    }

    @Override
    public boolean hasMore(At<T> at) {
      Optional<Long> max = query.maxResults();
      return !(max.isPresent() && at.returned() >= max.get());
    }

    @Override
    public Page<T> fetch(At<T> at) {
      return fetcher.fetch(at.skip(), query.pageSize());
    }

    @Override
    public Optional<?> repeatKey(At<T> at, Page<T> page) {
      return page.items.isEmpty() ? Optional.empty() : Optional.of(digest(page.response.body()));
    }

    @Override
    public RuntimeException repeated(At<T> at, Page<T> page, int fetched) {
      return new OomnitzaResponseException(page.response.status(), "GET", path,
          "the page at skip=" + at.skip() + " repeats an earlier page (the server ignored skip?);"
              + " stopped instead of looping", null);
    }

    @Override
    public RuntimeException tooManyPages(int maxPages) {
      return new OomnitzaResponseException(200, "GET", path, "stopped after " + maxPages
          + " pages, the client's maxPages bound, with more rows announced: the server may be"
          + " paging in circles (or raise OomnitzaClient.Builder.maxPages)", null);
    }

    @Override
    public Pager.Step<At<T>, org.brexsync.oomnitza.Page<T>> step(At<T> at, Page<T> page) {
      List<T> items = page.items;
      if (!items.isEmpty() && items.equals(at.previous())) {
        throw repeated(at, page, 0);
      }
      if (page.total.isPresent() && at.lastTotal().isPresent()
          && page.total.getAsLong() < at.lastTotal().getAsLong()) {
        throw new OomnitzaResponseException(page.response.status(), "GET", path,
            "X-Total-Count shrank from " + at.lastTotal().getAsLong() + " to " + page.total.getAsLong()
                + " while paging (at skip=" + at.skip() + "): rows were deleted under the listing, so"
                + " offset paging would silently skip some; list again", null);
      }
      int limit = query.pageSize();
      long skip = at.skip() + items.size();
      // short or empty page; or longer: limit ignored, so this was the rest
      boolean done = items.size() != limit
          || page.total.isPresent() && skip >= page.total.getAsLong();
      List<T> visible = items;
      Optional<Long> max = query.maxResults();
      if (max.isPresent()) {
        long room = max.get() - at.returned();
        if (items.size() >= room) {
          visible = items.subList(0, (int) room);
          done = true;
        }
      }
      org.brexsync.oomnitza.Page<T> shown = org.brexsync.oomnitza.Page.of(
          Collections.unmodifiableList(visible), at.skip(), limit,
          page.total.isPresent() ? Optional.of(page.total.getAsLong()) : Optional.empty());
      At<T> next = new At<>(skip, at.returned() + visible.size(),
          page.total.isPresent() ? page.total : at.lastTotal(), items);
      return new Pager.Step<>(shown, done ? Optional.empty() : Optional.of(next));
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
