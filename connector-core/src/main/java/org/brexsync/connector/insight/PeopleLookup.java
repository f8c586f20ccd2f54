package org.brexsync.connector.insight;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.brexsync.connector.adapter.OomnitzaUserSink;
import org.brexsync.oomnitza.OomnitzaClient;

/**
 * Port to Oomnitza people, looked up in batches: one call per page of Brex users ({@code filter=
 * field IN [...]}), never one per user. People are JSON trees keyed by field external id
 * ({@code email}, {@code suspended}, custom fields such as {@code brex_user_id}). Thread-safe.
 */
@FunctionalInterface
public interface PeopleLookup {

  /** The people whose {@code field} equals one of {@code values} (case-insensitively for unique fields). */
  List<ObjectNode> find(String field, Collection<String> values);

  /** The people of an oomnitza-client (through {@link OomnitzaUserSink#findUsers}). */
  static PeopleLookup of(OomnitzaClient client) {
    OomnitzaUserSink sink = OomnitzaUserSink.of(Objects.requireNonNull(client, "client"));
    return sink::findUsers;
  }
}
