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

  /** One page of {@code GET /v2/users}. */
  UserPage listUsers(Optional<String> cursor, int limit);

  /** One user by id ({@code GET /v2/users/{id}}); empty when Brex answers 404. */
  Optional<ObjectNode> getUser(String id);

  /** All departments ({@code id}, {@code name}, ...). */
  List<ObjectNode> listDepartments();

  /** All locations ({@code id}, {@code name}, ...). */
  List<ObjectNode> listLocations();

  /** All titles ({@code id}, {@code name}). */
  List<ObjectNode> listTitles();
}
