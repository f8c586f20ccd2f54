package org.brexsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  @Test
  void concurrentRetriesWithOneIdempotencyKeyCreateOneCard() throws Exception {
    try (BrexSimulator brex = BrexSimulator.start()) {
      Http http = Http.brex(brex);
      String body = "{'owner':{'type':'USER','user_id':'" + brex.adminUserId() + "'},'card_name':'c','card_type':'VIRTUAL','limit_type':'USER'}";
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          fs.add(pool.submit(() -> ids.add(http.post("/v2/cards", Http.obj(body), "Idempotency-Key", "same").json().get("id").asText())));
        }
        for (Future<?> f : fs) {
          f.get(30, TimeUnit.SECONDS); // bounded: a lost request fails the test instead of hanging it
        }
        assertThat(ids).hasSize(1);
        assertThat(brex.cardsOf(brex.adminUserId())).hasSize(1);
        assertThat(brex.count("POST", "/v2/cards")).isEqualTo(40);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void concurrentBulkBatchesOfOneRunAreAllCounted() throws Exception {
    try (OomnitzaSimulator oom = OomnitzaSimulator.start()) {
      Http http = Http.oomnitza(oom);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> fs = new ArrayList<>();
        for (int b = 0; b < 20; b++) {
          StringBuilder records = new StringBuilder("[");
          for (int r = 0; r < 10; r++) {
            int n = b * 10 + r;
            records.append(r == 0 ? "" : ",").append("{'USER':'u").append(n).append("','EMAIL':'u").append(n).append("@acme.example'}");
          }
          String payload = "{'portion':'p1','data_type':'users','connector_name':'Brex','sync_field':['USER'],'records':" + records + "]}";
          fs.add(pool.submit(() -> assertThat(http.post("/api/v3/bulk", Http.obj(payload)).status()).isEqualTo(200)));
        }
        for (Future<?> f : fs) {
          f.get(30, TimeUnit.SECONDS); // bounded: a lost request fails the test instead of hanging it
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(oom.userCount()).isEqualTo(200);
      assertThat(oom.run("p1").orElseThrow().at("/objects/added").asInt()).isEqualTo(200);
    }
  }
}
