package org.brexsync.connector.port;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.connector.record.FieldPath;
import org.brexsync.connector.record.RecordView;

/**
 * One page of Brex users and the cursor of the next page. Each user is a {@link RecordView} with the
 * spec's field names, in the form the source read it into (a JSON tree, or the Brex adapter's view of
 * brex-client's {@code User}): the engine reads users through the view and never converts them.
 */
public final class UserPage {
  private final List<RecordView> items;
  private final Optional<String> nextCursor;

  private UserPage(List<RecordView> items, Optional<String> nextCursor) {
    this.items = List.copyOf(items);
    this.nextCursor = Objects.requireNonNull(nextCursor, "nextCursor");
  }

  /**
   * A page of users as JSON trees (spec field names). The page owns the trees: do not change them afterwards.
   *
   * @param items the users, in Brex order
   * @param nextCursor the cursor of the next page; empty on the last page
   * @return the page
   */
  public static UserPage of(List<ObjectNode> items, Optional<String> nextCursor) {
    List<RecordView> views = new ArrayList<>(items.size());
    for (ObjectNode n : items) {
      views.add(new Tree(Objects.requireNonNull(n, "item")));
    }
    return new UserPage(views, nextCursor);
  }

  /**
   * A page of users as record views (spec field names).
   *
   * @param items the users, in Brex order
   * @param nextCursor the cursor of the next page; empty on the last page
   * @return the page
   */
  public static UserPage ofRecords(List<? extends RecordView> items, Optional<String> nextCursor) {
    return new UserPage(new ArrayList<>(items), nextCursor);
  }

  /** {@return the users of this page, in Brex order} */
  public List<RecordView> items() {
    return items;
  }

  /** {@return the cursor of the next page; empty on the last page} */
  public Optional<String> nextCursor() {
    return nextCursor;
  }

  /** A view of a tree the page owns (no defensive copy: pages are read once). */
  private static final class Tree implements RecordView {
    private final ObjectNode node;

    Tree(ObjectNode node) {
      this.node = node;
    }

    @Override
    public Optional<JsonNode> get(FieldPath path) {
      return path.resolve(node);
    }

    @Override
    public boolean has(FieldPath path) {
      return path.isPresentIn(node);
    }

    @Override
    public ObjectNode toJson() {
      return node.deepCopy();
    }

    @Override
    public String toString() {
      return "UserPage.Tree{id=" + node.path("id").asText("") + "}";
    }
  }
}
