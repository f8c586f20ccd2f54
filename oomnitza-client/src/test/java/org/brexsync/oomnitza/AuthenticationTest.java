package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends WireTestSupport {
  private static final String PASSWORD = "p@ss w&rd-S3CRET";

  private OomnitzaClient passwordClient() {
    return clientBuilder().credentials("admin@x.com", PASSWORD).build();
  }

  @Test
  void apiTokenIsSentRawInAuthorization2() throws Exception {
    enqueueJson("{}");
    client().verifyCredentials();
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getTarget()).isEqualTo("/api/v2/mappings?name=AuthTest");
    assertThat(r.getHeaders().values("Authorization2")).containsExactly(TOKEN);
    assertThat(r.getHeaders().get("User-Agent")).startsWith("brexsync-oomnitza-client/");
  }

  @Test
  void passwordIsExchangedForATokenWithAFormPost() throws Exception {
    enqueueJson("{\"token\":\"t-one\"}");
    enqueueJson("[]");
    OomnitzaClient c = passwordClient();
    assertThat(server.getRequestCount()).as("building makes no call").isZero();

    c.users().list().toList();

    RecordedRequest login = take();
    assertThat(login.getMethod()).isEqualTo("POST");
    assertThat(login.getTarget()).isEqualTo("/api/request_token");
    assertThat(login.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(login.getHeaders().get("Authorization2")).isNull();
    assertThat(body(login)).isEqualTo("login=admin%40x.com&password=p%40ss+w%26rd-S3CRET");
    assertThat(take().getHeaders().get("Authorization2")).isEqualTo("t-one");
  }

  @Test
  void aRejectedTokenIsRefreshedOnceAndTheCallRepeated() throws Exception {
    enqueueJson("{\"token\":\"t-one\"}");
    enqueueJson(401, "{\"error\":\"token expired\"}");
    enqueueJson("{\"token\":\"t-two\"}");
    enqueueJson("[{\"username\":\"a\"}]");

    assertThat(passwordClient().users().list().toList()).hasSize(1);

    take();
    assertThat(take().getHeaders().get("Authorization2")).isEqualTo("t-one");
    assertThat(take().getTarget()).isEqualTo("/api/request_token");
    assertThat(take().getHeaders().get("Authorization2")).isEqualTo("t-two");
    assertThat(sleeps).as("a refresh is not a retry").isEmpty();
  }

  @Test
  void aSecond401AfterRefreshIsAnAuthenticationError() {
    enqueueJson("{\"token\":\"t-one\"}");
    enqueueJson(401, "{}");
    enqueueJson("{\"token\":\"t-two\"}");
    enqueueJson(401, "{}");

    assertThatThrownBy(() -> passwordClient().users().get("x"))
        .isInstanceOf(OomnitzaAuthenticationException.class)
        .hasMessageNotContaining("t-two")
        .hasMessageNotContaining(PASSWORD);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aStaticTokenIsNotRefreshedAndTheErrorExplainsTokenRefreshes() {
    enqueueJson(401, "{\"error\":\"Invalid token " + TOKEN + "\"}");
    assertThatThrownBy(() -> client().verifyCredentials())
        .isInstanceOfSatisfying(OomnitzaAuthenticationException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.isForbidden()).isFalse();
          assertThat(e.getMessage()).contains("invalidates the previous one").doesNotContain(TOKEN);
          assertThat(e.errorMessage()).contains("Invalid token ****");
          assertThat(e.bodyExcerpt().orElseThrow()).doesNotContain(TOKEN);
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void forbiddenIsAnAuthenticationErrorWithoutRefresh() {
    enqueueJson("{\"token\":\"t-one\"}");
    enqueueJson(403, "{\"message\":\"no permission\"}");
    assertThatThrownBy(() -> passwordClient().users().delete("x"))
        .isInstanceOfSatisfying(OomnitzaAuthenticationException.class, e -> assertThat(e.isForbidden()).isTrue());
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void failedLoginNeverRevealsThePassword() {
    enqueueJson(401, "{\"error\":\"bad login for password " + PASSWORD + "\",\"echo\":\"login=admin&password=p%40ss+w%26rd-S3CRET\"}");
    assertThatThrownBy(() -> passwordClient().verifyCredentials())
        .isInstanceOfSatisfying(OomnitzaAuthenticationException.class, e -> {
          assertThat(e.getMessage()).doesNotContain(PASSWORD).contains("POST /api/request_token");
          assertThat(e.bodyExcerpt().orElseThrow()).doesNotContain(PASSWORD).doesNotContain("S3CRET");
        });
  }

  @Test
  void aTokenResponseWithoutTokenIsAClearError() {
    enqueueJson("{\"status\":\"ok\"}");
    assertThatThrownBy(() -> passwordClient().verifyCredentials())
        .isInstanceOf(OomnitzaResponseException.class)
        .hasMessageContaining("token");
  }

  @Test
  void aCsrfTokenFromTheExchangeIsEchoed() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("X-CSRF-Token", "csrf-1").body("{\"token\":\"t\"}").build());
    enqueueJson("{}");
    passwordClient().verifyCredentials();
    take();
    assertThat(take().getHeaders().get("X-CSRF-Token")).isEqualTo("csrf-1");
  }

  @Test
  void concurrent401sCauseOneTokenExchange() throws Exception {
    AtomicInteger logins = new AtomicInteger();
    Set<String> valid = new CopyOnWriteArraySet<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        if (r.getTarget().equals("/api/request_token")) {
          String t = "t" + logins.incrementAndGet();
          return new MockResponse.Builder().body("{\"token\":\"" + t + "\"}").build();
        }
        String t = r.getHeaders().get("Authorization2");
        if (t != null && valid.contains(t)) {
          return new MockResponse.Builder().body("{}").build();
        }
        return new MockResponse.Builder().code(401).body("{}").build();
      }
    });
    OomnitzaClient c = passwordClient();
    valid.add("t1");
    c.verifyCredentials();
    assertThat(logins).hasValue(1);
    valid.clear(); // someone refreshed the token in Oomnitza: t1 is dead, the next exchange is valid
    valid.add("t2");

    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          go.await();
          c.verifyCredentials();
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : results) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(logins).hasValue(2);
  }

  @Test
  void secretsStayOutOfToString() {
    OomnitzaClient tokenClient = client();
    OomnitzaClient pw = passwordClient();
    assertThat(tokenClient.toString()).doesNotContain(TOKEN).contains("****");
    assertThat(pw.toString()).doesNotContain(PASSWORD);
    assertThat(clientBuilder().toString()).doesNotContain(TOKEN);
    assertThat(clientBuilder().credentials("u", PASSWORD).toString()).doesNotContain(PASSWORD);
  }
}
