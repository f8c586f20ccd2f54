package org.brexsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CountingHttpClientTest {

  @Test
  void countsEverySendAndDelegatesTheExchange() throws Exception {
    try (BrexSimulator brex = BrexSimulator.start()) {
      HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      CountingHttpClient counting = CountingHttpClient.of(plain);
      HttpRequest me = HttpRequest.newBuilder(brex.baseUri().resolve("/v2/users/me"))
          .header("Authorization", "Bearer " + brex.token()).build();
      HttpRequest company = HttpRequest.newBuilder(brex.baseUri().resolve("/v2/company"))
          .header("Authorization", "Bearer " + brex.token()).build();
      assertThat(counting.sent()).isZero();
      assertThat(counting.lastRequest()).isEmpty();

      assertThat(counting.send(me, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(counting.sendAsync(company, HttpResponse.BodyHandlers.ofString()).get(30, TimeUnit.SECONDS)
          .statusCode()).isEqualTo(200);

      assertThat(counting.sent()).isEqualTo(2);
      assertThat(counting.lastRequest()).contains(company);
      assertThat(brex.requests()).extracting(RecordedCall::path).containsExactly("/v2/users/me", "/v2/company");
      assertThat(counting.version()).isEqualTo(plain.version());
    }
  }
}
