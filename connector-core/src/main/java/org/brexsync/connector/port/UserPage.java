package org.brexsync.connector.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of Brex users as JSON trees (spec field names) and the cursor of the next page. */
public final class UserPage {
  private final List<ObjectNode> items;
  private final Optional<String> nextCursor;

  private UserPage(List<ObjectNode> items, Optional<String> nextCursor) {
    this.items = List.copyOf(items);
    this.nextCursor = Objects.requireNonNull(nextCursor, "nextCursor");
  }

  /** A page. */
  public static UserPage of(List<ObjectNode> items, Optional<String> nextCursor) {
    return new UserPage(items, nextCursor);
  }

  /** The users of this page, in Brex order. */
  public List<ObjectNode> items() {
    return items;
  }

  /** The cursor of the next page; empty on the last page. */
  public Optional<String> nextCursor() {
    return nextCursor;
  }
}
