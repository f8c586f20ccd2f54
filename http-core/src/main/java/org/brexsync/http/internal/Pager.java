package org.brexsync.http.internal;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Lazy page-by-page iteration with the guards every list call needs: at most {@code maxPages}
 * fetches per iteration, and a stop when the server goes in circles (a page whose {@link
 * Source#repeatKey repeat key} was already seen among the last {@code remembered} ones: a cursor
 * handed out again, or the same page again). The vendor's paging (cursor or offset) is the
 * {@link Source}. Each {@link #iterator()} starts from the first page. Not public API.
 *
 * @param <S> where a page is (a cursor, an offset)
 * @param <F> a page as fetched
 * @param <P> a page as shown to the caller
 */
public final class Pager<S, F, P> implements Iterable<P> {
  /** How one vendor pages. */
  public interface Source<S, F, P> {
    /** Where the first page is. */
    S start();

    /** Whether to fetch from {@code at} at all (e.g. false once a result cap is reached). */
    default boolean hasMore(S at) {
      return true;
    }

    /** Fetches the page at {@code at}: one request. */
    F fetch(S at);

    /**
     * What identifies where the server is leading (the next cursor, a digest of the page): if it
     * was seen before in this iteration, following it would go in circles. Empty: nothing to check.
     */
    default Optional<?> repeatKey(S at, F page) {
      return Optional.empty();
    }

    /** Keys known before the first fetch (e.g. the start cursor). */
    default Collection<?> seedKeys() {
      return List.of();
    }

    /**
     * The page shown to the caller and where the next one is (empty after the last). May throw
     * the vendor's response exception when the page shows the listing went wrong; iteration ends.
     */
    Step<S, P> step(S at, F page);

    /** The vendor's response exception for a repeat found at {@code at} (the {@code fetched}th page). */
    RuntimeException repeated(S at, F page, int fetched);

    /** The vendor's response exception for the {@code maxPages} bound. */
    RuntimeException tooManyPages(int maxPages);
  }

  /**
   * A page shown and where the next is.
   *
   * @param page the page for the caller
   * @param next where the next page is; empty after the last
   */
  public record Step<S, P>(P page, Optional<S> next) {}

  private final Source<S, F, P> source;
  private final int maxPages;
  private final int remembered;

  /**
   * Iterates {@code source}, at most {@code maxPages} pages per iteration, remembering the last
   * {@code remembered} repeat keys (longer cycles end at {@code maxPages}).
   */
  public Pager(Source<S, F, P> source, int maxPages, int remembered) {
    this.source = Objects.requireNonNull(source, "source");
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1");
    }
    this.maxPages = maxPages;
    this.remembered = Math.max(1, remembered);
  }

  @Override
  public Iterator<P> iterator() {
    return new Iterator<>() {
      private S at = source.start();
      private final LinkedHashSet<Object> seen = new LinkedHashSet<>(source.seedKeys());
      private int fetched;
      private boolean done;

      @Override
      public boolean hasNext() {
        return !done && source.hasMore(at);
      }

      @Override
      public P next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        if (fetched >= maxPages) {
          done = true;
          throw source.tooManyPages(maxPages);
        }
        F page = source.fetch(at);
        fetched++;
        Optional<?> key = source.repeatKey(at, page);
        if (key.isPresent() && !seen.add(key.get())) {
          done = true;
          throw source.repeated(at, page, fetched);
        }
        while (seen.size() > remembered) {
          seen.remove(seen.iterator().next());
        }
        Step<S, P> step;
        try {
          step = source.step(at, page);
        } catch (RuntimeException e) {
          done = true;
          throw e;
        }
        if (step.next().isPresent()) {
          at = step.next().get();
        } else {
          done = true;
        }
        return step.page();
      }
    };
  }
}
