package org.brexsync.oomnitza;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy, offset-paged result: pages ({@code limit}/{@code skip}) are fetched as iteration
 * reaches them, so memory holds one page. Each {@link #iterator()} starts again from the first
 * page. Paging stops on a short or empty page, when {@code X-Total-Count} says all rows were seen,
 * or when the query's {@code maxResults} is reached.
 *
 * @param <T> element type
 */
public interface PagedIterable<T> extends Iterable<T> {
  /** A sequential stream over all pages. */
  default Stream<T> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  /** Reads every page into a list. */
  default List<T> toList() {
    return stream().collect(Collectors.toList());
  }
}
