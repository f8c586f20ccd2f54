package org.brexsync.connector.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * Port to the Brex side: users and the small directories used to enrich them. Records are JSON trees
 * with the Brex spec's field names ({@code id}, {@code first_name}, {@code email}, {@code status},
 * {@code manager_id}, ...). The adapter over brex-client is {@code BrexUserSource}; tests use
 * in-memory fakes. Implementations must be thread-safe.
 */
public interface UserSource {

  /**
   * One page of {@code GET /v2/users}.
   *
   * @param cursor the {@link UserPage#nextCursor()} of the previous page; empty for the first page
   * @param limit at most this many users on the page
   * @return the page's users and the cursor of the next page
   */
  UserPage listUsers(Optional<String> cursor, int limit);

  /**
   * One user by id ({@code GET /v2/users/{id}}).
   *
   * @param id the Brex user id
   * @return the user; empty when Brex answers 404
   */
  Optional<ObjectNode> getUser(String id);

  /** {@return all departments ({@code id}, {@code name}, ...)} */
  List<ObjectNode> listDepartments();

  /** {@return all locations ({@code id}, {@code name}, ...)} */
  List<ObjectNode> listLocations();

  /** {@return all titles ({@code id}, {@code name})} */
  List<ObjectNode> listTitles();
}
