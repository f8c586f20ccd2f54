package org.brexsync.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.brexsync.connector.Integration;
import org.brexsync.connector.fakes.FakeBrex;
import org.brexsync.connector.fakes.FakeOomnitza;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.junit.jupiter.api.Test;

/** Batches are looked up concurrently, but handed to the writers in Brex order. */
class PipelineOrderTest {

  @Test
  void aBatchWhoseLookupEndsFirstStillWritesAfterTheBatchBeforeIt() {
    FakeBrex brex = new FakeBrex().addMany(100);
    CountDownLatch secondLookedUp = new CountDownLatch(1);
    List<String> created = new CopyOnWriteArrayList<>();
    FakeOomnitza oomnitza = new FakeOomnitza() {
      @Override
      public List<ObjectNode> findUsers(String field, Collection<String> values) {
        boolean first = values.contains("user0@acme.test");
        if (first) {
          try {
            // the first batch's lookup answers only after the second batch's
            assertThat(secondLookedUp.await(30, TimeUnit.SECONDS)).isTrue();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        List<ObjectNode> found = super.findUsers(field, values);
        if (!first) {
          secondLookedUp.countDown();
        }
        return found;
      }

      @Override
      public ObjectNode createUser(ObjectNode fields) {
        created.add(fields.get("username").asText());
        return super.createUser(fields);
      }
    };
    Integration in = Integration.builder().name("order").mapping(Mapping.standard(25)).batchSize(50).pageSize(100).concurrency(1).build();

    SyncReport r = SyncEngine.builder().integration(in).source(brex).sink(oomnitza).stateStore(InMemorySyncStateStore.create()).build().run();

    assertThat(r.status()).as(r.summary()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(created).hasSize(100);
    assertThat(created.subList(0, 50)).as("the first batch is written first").allMatch(u -> u.compareTo("cuuser_00050") < 0);
    assertThat(r.outcomes()).extracting(RecordOutcome::sourceId).isSorted();
  }
}
