package org.brexsync.brex;

import org.brexsync.testkit.CountingHttpClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.brexsync.brex.model.ListCardsRequest;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.ListUsersRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Reads take the same per-call options as writes: a timeout and extra headers, on every page. */
class PerCallOptionsTest extends MockServerTestBase {
  static final RequestOptions OPTIONS = RequestOptions.builder()
      .timeout(Duration.ofSeconds(7)).header("X-Request-Source", "hr-sync").build();

  CountingHttpClient http;

  @Override
  BrexClient.Builder clientBuilder() {
    http = CountingHttpClient.of(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build());
    return super.clientBuilder().httpClient(http);
  }

  static Arguments read(String name, String body, Consumer<BrexClient> call) {
    return Arguments.of(name, body, call);
  }

  static Stream<Arguments> reads() {
    return Stream.of(
        read("users.list", Fixtures.page(null, Fixtures.USER_KAREN),
            c -> c.users().list(ListUsersRequest.all(), OPTIONS).stream().count()),
        read("users.get", Fixtures.USER_KAREN, c -> c.users().get("cuuser_1", OPTIONS)),
        read("users.me", Fixtures.USER_KAREN, c -> c.users().me(OPTIONS)),
        read("users.getLimit", Fixtures.USER_LIMIT, c -> c.users().getLimit("cuuser_1", OPTIONS)),
        read("cards.list", Fixtures.page(null, Fixtures.CARD_VENDOR),
            c -> c.cards().list(ListCardsRequest.all(), OPTIONS).stream().count()),
        read("cards.get", Fixtures.CARD_VENDOR, c -> c.cards().get("ncard_1", OPTIONS)),
        read("cards.getNumber", Fixtures.CARD_NUMBER, c -> c.cards().getNumber("ncard_1", OPTIONS)),
        read("departments.list", Fixtures.page(null, Fixtures.DEPARTMENT),
            c -> c.departments().list(ListReferenceDataRequest.all(), OPTIONS).stream().count()),
        read("departments.get", Fixtures.DEPARTMENT, c -> c.departments().get("cudept_1", OPTIONS)),
        read("locations.get", Fixtures.LOCATION, c -> c.locations().get("culoc_1", OPTIONS)),
        read("titles.get", Fixtures.TITLE, c -> c.titles().get("cutitle_1", OPTIONS)),
        read("company.get", Fixtures.COMPANY, c -> c.company().get(OPTIONS)),
        read("legalEntities.list", Fixtures.page(null, Fixtures.LEGAL_ENTITY),
            c -> c.legalEntities().list(Optional.empty(), OPTIONS).stream().count()),
        read("legalEntities.get", Fixtures.LEGAL_ENTITY, c -> c.legalEntities().get("le_1", OPTIONS)),
        read("webhooks.list", Fixtures.page(null, Fixtures.SUBSCRIPTION),
            c -> c.webhooks().list(Optional.empty(), OPTIONS).stream().count()),
        read("webhooks.get", Fixtures.SUBSCRIPTION, c -> c.webhooks().get("wh_1", OPTIONS)),
        read("webhooks.listSecrets", Fixtures.SECRETS, c -> c.webhooks().listSecrets(OPTIONS)),
        read("webhooks.delete", "", c -> c.webhooks().delete("wh_1", OPTIONS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reads")
  void everyReadSendsThePerCallHeadersAndTimeout(String name, String body, Consumer<BrexClient> call) {
    client = clientBuilder().build();
    enqueue(body);
    call.accept(client);
    RecordedRequest r = take();
    assertThat(r.getHeaders().get("X-Request-Source")).isEqualTo("hr-sync");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
    assertThat(timeouts(http)).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void theOptionsOfAListApplyToEveryPage() {
    client = clientBuilder().build();
    enqueue(Fixtures.page("c1", Fixtures.USER_KAREN));
    enqueue(Fixtures.page(null, Fixtures.USER_JIM));
    assertThat(client.users().list(ListUsersRequest.all(), OPTIONS).stream().count()).isEqualTo(2);
    assertThat(take().getHeaders().get("X-Request-Source")).isEqualTo("hr-sync");
    assertThat(take().getHeaders().get("X-Request-Source")).isEqualTo("hr-sync");
    assertThat(timeouts(http)).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
  }

  @Test
  void withoutOptionsTheClientTimeoutApplies() {
    client = clientBuilder().build();
    enqueue(Fixtures.USER_KAREN);
    client.users().get("cuuser_1");
    assertThat(timeouts(http)).containsExactly(Duration.ofSeconds(5));
    assertThat(take().getHeaders().get("X-Request-Source")).isNull();
  }

  @Test
  void headersTheClientSetsCannotBeOverriddenPerCall() {
    for (String name : new String[] {"Authorization", "authorization", "Idempotency-Key", "Host",
        "Content-Length", "User-Agent"}) {
      assertThatThrownBy(() -> RequestOptions.builder().header(name, "x"))
          .as(name).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Ok", "line\r\nX-Injected: 1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("X-Injected");
    assertThatThrownBy(() -> RequestOptions.builder().header("Bad Name", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionsToStringShowsHeaderNamesNotValues() {
    assertThat(RequestOptions.builder().header("X-Proxy-Auth", "s3cr3t").build().toString())
        .contains("X-Proxy-Auth").doesNotContain("s3cr3t");
  }

  @Test
  void aWriteStillTakesItsIdempotencyKeyAndHeaders() {
    client = clientBuilder().build();
    server.enqueue(new MockResponse.Builder().code(200).body(Fixtures.USER_KAREN).build());
    client.users().deactivate("cuuser_1", RequestOptions.builder().idempotencyKey("k-1")
        .header("X-Request-Source", "hr-sync").build());
    RecordedRequest r = take();
    assertThat(r.getHeaders().get("Idempotency-Key")).isEqualTo("k-1");
    assertThat(r.getHeaders().get("X-Request-Source")).isEqualTo("hr-sync");
  }

  /** The timeout each request sent through {@code http} was given. */
  static java.util.List<Duration> timeouts(CountingHttpClient http) {
    return http.recentRequests().stream().map(r -> r.timeout().orElseThrow()).toList();
  }
}
