package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/** Offset paging fails clearly instead of looping or silently skipping rows, and is bounded. */
class PagingGuardTest extends WireTestSupport {

  static String users(int from, int n) {
    List<String> rows = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      rows.add("{\"username\":\"u" + i + "\",\"email\":\"u" + i + "@acme.com\"}");
    }
    return "[" + String.join(",", rows) + "]";
  }

  void enqueuePage(String body, long total) {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
        .addHeader("X-Total-Count", Long.toString(total)).body(body).build());
  }

  @Test
  void aTotalThatShrinksUnderTheListingFailsInsteadOfSkippingRows() {
    enqueuePage(users(0, 2), 6);
    enqueuePage(users(3, 2), 5); // u2 was deleted: every later row moved one offset down
    assertThatThrownBy(() -> client().users().list(ListQuery.builder().pageSize(2).build()).toList())
        .isInstanceOf(OomnitzaResponseException.class)
        .hasMessageContaining("X-Total-Count shrank from 6 to 5").hasMessageContaining("skip=2")
        .hasMessageContaining("GET /api/v3/users");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aGrowingTotalIsNoError() {
    enqueuePage(users(0, 2), 3);
    enqueuePage(users(2, 2), 4);
    assertThat(client().users().list(ListQuery.builder().pageSize(2).build()).toList()).hasSize(4);
  }

  @Test
  void aPageThatRepeatsAnEarlierOneFailsEvenWhenNotTheLast() {
    enqueueJson(users(0, 2));
    enqueueJson(users(2, 2));
    enqueueJson(users(0, 2)); // back to the first page: a loop A, B, A, B, ...
    assertThatThrownBy(() -> client().users().list(ListQuery.builder().pageSize(2).build()).toList())
        .isInstanceOf(OomnitzaResponseException.class)
        .hasMessageContaining("the page at skip=4 repeats an earlier page");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void everyIterationIsBoundedByMaxPages() {
    for (int p = 0; p < 4; p++) {
      enqueueJson(users(p * 2, 2));
    }
    OomnitzaClient c = clientBuilder().maxPages(3).build();
    assertThatThrownBy(() -> c.users().list(ListQuery.builder().pageSize(2).build()).toList())
        .isInstanceOf(OomnitzaResponseException.class).hasMessageContaining("3 pages");
    assertThat(server.getRequestCount()).as("never more than maxPages requests").isEqualTo(3);
  }

  @Test
  void theOtherPagersAreGuardedToo() {
    enqueueJson("[{\"saas_user_id\":\"s1\"},{\"saas_user_id\":\"s2\"}]");
    enqueueJson("[{\"saas_user_id\":\"s1\"},{\"saas_user_id\":\"s2\"}]");
    assertThatThrownBy(() -> client().saasUsers()
        .list(org.brexsync.oomnitza.saas.SaasUserQuery.builder().pageSize(2).build()).toList())
        .isInstanceOf(OomnitzaResponseException.class).hasMessageContaining("repeats");
  }
}
