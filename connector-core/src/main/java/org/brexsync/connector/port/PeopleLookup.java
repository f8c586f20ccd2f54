package org.brexsync.connector.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;

/**
 * Port to Oomnitza people, looked up in batches: one call per page of Brex users ({@code filter=
 * field IN [...]}), never one per user. People are JSON trees keyed by field external id
 * ({@code email}, {@code suspended}, custom fields such as {@code brex_user_id}). The adapter over
 * oomnitza-client is {@link org.brexsync.connector.oomnitza.OomnitzaPeopleLookup}. Thread-safe.
 */
@FunctionalInterface
public interface PeopleLookup {

  /**
   * The people whose {@code field} equals one of {@code values} (case-insensitively for unique fields).
   *
   * @param field the Oomnitza field external id to match on, e.g. {@code email}
   * @param values the values sought, typically one page of Brex users' worth
   * @return the matching people, in no particular order; empty when none match
   */
  List<ObjectNode> find(String field, Collection<String> values);
}
