package org.brexsync.oomnitza;

import java.util.List;

/**
 * A lazy, offset-paged result: pages ({@code limit}/{@code skip}) are fetched as iteration
 * reaches them, so memory holds one page. Each {@link #iterator()} starts again from the first
 * page. Paging stops on a short or empty page, when {@code X-Total-Count} says all rows were seen,
 * or when the query's {@code maxResults} is reached. It fails with an {@link
 * OomnitzaResponseException} rather than loop or silently skip rows when a page repeats an earlier
 * one (the server ignored {@code skip}), when {@code X-Total-Count} shrinks between pages (rows
 * were deleted under the listing, so later offsets would skip some), or after the client's
 * {@code maxPages}. The core's {@link org.brexsync.http.PagedIterable} over Oomnitza's offset
 * paging.
 *
 * @param <T> element type
 */
public interface PagedIterable<T> extends org.brexsync.http.PagedIterable<T> {
  /**
   * Default bound on the pages of one iteration ({@link OomnitzaClient.Builder#maxPages(int)}):
   * beyond it the iteration fails instead of paging for ever.
   */
  int DEFAULT_MAX_PAGES = org.brexsync.http.PagedIterable.DEFAULT_MAX_PAGES;

  /**
   * The pages themselves, lazily (one request per page as iteration reaches it), with
   * {@link Page#totalCount()} when Oomnitza sends {@code X-Total-Count}. Rows beyond the query's
   * {@code maxResults} are cut off.
   */
  @Override
  Iterable<Page<T>> pages();

  /** Only the first page: one request (e.g. for a list view that shows "1–50 of 1,234"). */
  @Override
  default Page<T> firstPage() {
    java.util.Iterator<Page<T>> it = pages().iterator();
    return it.hasNext() ? it.next() : Page.of(List.of(), 0, 0, java.util.Optional.empty());
  }
}
