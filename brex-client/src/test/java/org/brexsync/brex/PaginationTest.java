package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import org.brexsync.brex.model.ListUsersRequest;
import org.brexsync.brex.model.User;
import org.junit.jupiter.api.Test;

class PaginationTest extends MockServerTestBase {

  static String user(String id) {
    return "{\"id\":\"" + id + "\",\"first_name\":\"F\",\"last_name\":\"L\",\"email\":\"" + id
        + "@example.com\"}";
  }

  @Test
  void followsCursorsAcrossPagesLazily() {
    enqueue(Fixtures.page("c1", user("u1"), user("u2")));
    enqueue(Fixtures.page("c2", user("u3")));
    enqueue(Fixtures.page(null, user("u4")));

    PagedIterable<User> users = client.users().list(ListUsersRequest.builder().limit(2).build());
    assertThat(server.getRequestCount()).as("nothing fetched before iteration").isZero();

    Iterator<User> it = users.iterator();
    assertThat(it.next().id()).isEqualTo("u1");
    assertThat(it.next().id()).isEqualTo("u2");
    assertThat(server.getRequestCount()).as("second page not fetched yet").isEqualTo(1);
    assertThat(it.next().id()).isEqualTo("u3");
    assertThat(it.next().id()).isEqualTo("u4");
    assertThat(it.hasNext()).isFalse();

    assertRead(take(), "/v2/users?limit=2");
    assertRead(take(), "/v2/users?cursor=c1&limit=2");
    assertRead(take(), "/v2/users?cursor=c2&limit=2");
  }

  @Test
  void streamStopsFetchingWhenShortCircuited() {
    enqueue(Fixtures.page("c1", user("u1"), user("u2")));
    enqueue(Fixtures.page(null, user("u3")));
    assertThat(client.users().list().stream().limit(1).map(User::id).toList())
        .containsExactly("u1");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void emptyFirstPage() {
    enqueue(Fixtures.page(null));
    assertThat(client.users().list().stream().toList()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void emptyMiddlePageWithCursorIsSkipped() {
    enqueue(Fixtures.page("c1"));
    enqueue(Fixtures.page(null, user("u1")));
    assertThat(client.users().list().stream().map(User::id).toList()).containsExactly("u1");
  }

  @Test
  void firstPageExposesCursor() {
    enqueue(Fixtures.page("next-1", user("u1")));
    Page<User> page = client.users().list().firstPage();
    assertThat(page.items()).hasSize(1);
    assertThat(page.nextCursor()).contains("next-1");
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  void startsFromGivenCursor() {
    enqueue(Fixtures.page(null, user("u9")));
    List<User> rest = client.users().list(ListUsersRequest.builder().cursor("c9").build())
        .stream().toList();
    assertThat(rest).hasSize(1);
    assertRead(take(), "/v2/users?cursor=c9");
  }

  @Test
  void pagesIterable() {
    enqueue(Fixtures.page("c1", user("u1")));
    enqueue(Fixtures.page(null, user("u2")));
    int n = 0;
    for (Page<User> p : client.users().list().pages()) {
      n += p.items().size();
    }
    assertThat(n).isEqualTo(2);
  }

  @Test
  void aRepeatedNextCursorFailsNamingItInsteadOfLoopingForEver() {
    enqueue(Fixtures.page("c1", user("u1")));
    enqueue(Fixtures.page("c1", user("u2")));
    Iterator<User> it = client.users().list().iterator();
    assertThat(it.next().id()).isEqualTo("u1");
    assertThatThrownBy(() -> it.next())
        .isInstanceOf(BrexResponseException.class)
        .hasMessageContaining("next_cursor \"c1\"").hasMessageContaining("/v2/users");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anEmptyPagePointingAtItsOwnCursorFails() {
    enqueue(Fixtures.page("c1", user("u1")));
    enqueue(Fixtures.page("c2"));
    enqueue(Fixtures.page("c2"));
    assertThatThrownBy(() -> client.users().list().stream().count())
        .isInstanceOf(BrexResponseException.class).hasMessageContaining("\"c2\"");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aCursorCycleIsRecognised() {
    enqueue(Fixtures.page("a", user("u1")));
    enqueue(Fixtures.page("b", user("u2")));
    enqueue(Fixtures.page("a", user("u3")));
    assertThatThrownBy(() -> client.users().list().stream().count())
        .isInstanceOf(BrexResponseException.class).hasMessageContaining("\"a\"");
  }

  @Test
  void everyIterationIsBoundedByMaxPages() {
    client = clientBuilder().maxPages(3).build();
    for (int i = 1; i <= 4; i++) {
      enqueue(Fixtures.page("c" + i, user("u" + i)));
    }
    assertThatThrownBy(() -> client.users().list().stream().count())
        .isInstanceOf(BrexResponseException.class).hasMessageContaining("3 pages");
    assertThat(server.getRequestCount()).as("never more than maxPages requests").isEqualTo(3);
  }

  @Test
  void aListOfExactlyMaxPagesEndsNormally() {
    client = clientBuilder().maxPages(2).build();
    enqueue(Fixtures.page("c1", user("u1")));
    enqueue(Fixtures.page(null, user("u2")));
    assertThat(client.users().list().stream().map(User::id).toList()).containsExactly("u1", "u2");
  }
}
