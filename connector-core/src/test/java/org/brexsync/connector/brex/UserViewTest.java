package org.brexsync.connector.brex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.brexsync.brex.BrexJson;
import org.brexsync.brex.model.User;
import org.brexsync.brex.model.UserStatus;
import org.brexsync.connector.record.FieldPath;
import org.brexsync.connector.record.RecordView;
import org.junit.jupiter.api.Test;

/**
 * The Brex adapter reads brex-client's {@code User} in place; every path must read exactly as on the
 * JSON tree the client would make of the same user (which is what the engine read before), present
 * and absent alike.
 */
class UserViewTest {
  static final List<String> PATHS = List.of("id", "first_name", "last_name", "email", "status", "manager_id", "department_id",
      "location_id", "title_id", "remote_display_id", "metadata", "metadata.cost_center", "metadata.none", "unknown",
      "id.deeper", "email[0]", "metadata[0]", "status.name");

  static List<User> users() {
    return List.of(
        User.builder().id("cuuser_1").firstName("Ada").lastName("Lovelace").email("ada@x.test").build(),
        User.builder().id("cuuser_2").firstName("Grace").lastName("Hopper").email("grace@x.test").status(UserStatus.ACTIVE)
            .managerId("cuuser_1").departmentId("cudept_1").locationId("culoc_1").titleId("cutitle_1").remoteDisplayId("E2")
            .putMetadata("cost_center", "CC-7").build(),
        User.builder().id("cuuser_3").firstName("").lastName("Z").email("z@x.test").status(UserStatus.UNKNOWN)
            .metadata(Map.of("a", "1", "cost_center", "")).build());
  }

  @Test
  void everyPathReadsAsOnTheClientsJsonTreeOfTheSameUser() {
    for (User u : users()) {
      RecordView view = new UserView(u);
      RecordView tree = RecordView.of((ObjectNode) BrexJson.toJsonTree(u));
      for (String p : PATHS) {
        FieldPath path = FieldPath.parse(p);
        assertThat(view.get(path)).as("%s of %s", p, u.id()).isEqualTo(tree.get(path));
        assertThat(view.has(path)).as("%s present in %s", p, u.id()).isEqualTo(tree.has(path));
      }
      assertThat(view.toJson()).isEqualTo(tree.toJson());
    }
  }

  @Test
  void enrichmentsResolveOverTheViewAsOverATree() {
    User u = users().get(1);
    BrexLookups lookups = BrexLookups.over(new org.brexsync.connector.fakes.FakeBrex());
    BrexUserRecord onView = BrexUserRecord.of(new UserView(u), lookups);
    BrexUserRecord onTree = BrexUserRecord.of((ObjectNode) BrexJson.toJsonTree(u), lookups);
    for (String p : List.of("department.id", "department.name", "title.id", "manager", "manager.email", "location.name")) {
      assertThat(onView.get(p)).as(p).isEqualTo(onTree.get(p));
      assertThat(onView.has(FieldPath.parse(p))).as(p).isEqualTo(onTree.has(FieldPath.parse(p)));
    }
    assertThat(onView.id()).isEqualTo("cuuser_2");
  }
}
