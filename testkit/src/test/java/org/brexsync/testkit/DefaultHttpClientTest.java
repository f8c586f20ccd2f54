package org.brexsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Clients built with {@code HttpClient.newHttpClient()} try an h2c upgrade first; the simulators answer in HTTP/1.1. */
class DefaultHttpClientTest {

  @Test
  void defaultJdkClientWorksForGetAndPost() throws Exception {
    try (BrexSimulator brex = BrexSimulator.start()) {
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> get = client.send(HttpRequest.newBuilder(brex.baseUri().resolve("/v2/users/me"))
          .header("Authorization", "Bearer " + brex.token()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(200);
      HttpResponse<String> post = client.send(HttpRequest.newBuilder(brex.baseUri().resolve("/v2/titles"))
          .header("Authorization", "Bearer " + brex.token()).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Engineer\"}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(200);
      assertThat(brex.requests()).hasSize(2);
    }
  }
}
