package org.brexsync.http;

import java.util.List;

/**
 * One fetched page of a list call. Each client's page adds how its vendor pages (a next cursor,
 * or the offset, size and total count).
 *
 * @param <T> item type
 */
public interface Page<T> {
  /** {@return the items of this page, read-only, in the server's order} */
  List<T> items();
}
