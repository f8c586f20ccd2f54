package org.brexsync.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.brexsync.connector.Integration;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.fakes.FakeBrex;
import org.brexsync.connector.fakes.FakeOomnitza;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.state.InMemorySyncStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A first BULK run reads Oomnitza's sync keys once instead of looking each batch up: the bulk endpoint
 * matches by the sync key itself, so only people already there are read (for the field diff).
 */
class FirstBulkRunTest {
  FakeBrex brex;
  FakeOomnitza oomnitza;
  InMemorySyncStateStore state;

  @BeforeEach
  void setUp() {
    brex = new FakeBrex().addMany(250);
    oomnitza = new FakeOomnitza();
    oomnitza.listable = true;
    state = InMemorySyncStateStore.create();
  }

  private SyncEngine.Builder engine() {
    Integration in = Integration.builder().name("test").mapping(Mapping.standard(25)).sink(SinkType.BULK).batchSize(50).pageSize(100).build();
    return SyncEngine.builder().integration(in).source(brex).sink(oomnitza).stateStore(state);
  }

  @Test
  void intoAnOomnitzaWithoutThesePeopleNobodyIsLookedUp() {
    SyncReport r = engine().build().run();

    assertThat(r.status()).as(r.summary()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(r.count(Situation.CREATE)).isEqualTo(250);
    assertThat(r.outcomes(Situation.CREATE)).noneMatch(RecordOutcome::unverified);
    assertThat(oomnitza.listings.get()).isEqualTo(1);
    assertThat(oomnitza.finds.get()).as("lookups").isZero();
    assertThat(r.httpCalls()).containsEntry("oomnitza", 1L + 5 + 1); // the listing, 5 portions, finalize
  }

  @Test
  void peopleAlreadyThereAreLookedUpAndReportedWithTheirDiff() {
    oomnitza.insert(JsonNodeFactory.instance.objectNode().put("email", "user7@acme.test").put("first_name", "Old"));
    oomnitza.insert(JsonNodeFactory.instance.objectNode().put("email", "USER120@acme.test").put("first_name", "Older"));

    SyncReport r = engine().build().run();

    assertThat(r.count(Situation.CREATE)).isEqualTo(248);
    assertThat(r.outcomes(Situation.UPDATE)).extracting(RecordOutcome::sourceId).containsExactly("cuuser_00007", "cuuser_00120");
    assertThat(r.outcomes(Situation.UPDATE).get(0).changes()).anySatisfy(c -> {
      assertThat(c.field()).isEqualTo("first_name");
      assertThat(c.from().get().asText()).isEqualTo("Old");
    });
    assertThat(oomnitza.finds.get()).as("one lookup, for each batch holding someone already there").isEqualTo(2);
    assertThat(oomnitza.size()).isEqualTo(250);
  }

  @Test
  void aDryRunDecidesTheSameWithoutWriting() {
    oomnitza.insert(JsonNodeFactory.instance.objectNode().put("email", "user7@acme.test").put("first_name", "Old"));
    SyncReport dry = engine().dryRun(true).build().run();
    SyncReport real = engine().build().run();

    assertThat(dry.totals()).isEqualTo(real.totals());
    assertThat(dry.outcomes()).usingElementComparatorIgnoringFields("targetId", "unverified").isEqualTo(real.outcomes());
  }

  @Test
  void someoneAddedAfterTheListingIsUpdatedByTheBulkUpsertAndTheCreateIsNotClaimed() {
    FakeOomnitza racing = new FakeOomnitza() {
      @Override
      public synchronized boolean forEachValue(String field, java.util.function.Consumer<List<String>> page) {
        boolean listed = super.forEachValue(field, page);
        // Someone adds user3 to Oomnitza after the listing, before the run writes it.
        insert(JsonNodeFactory.instance.objectNode().put("email", "user3@acme.test").put("first_name", "Added meanwhile"));
        return listed;
      }
    };
    racing.listable = true;
    oomnitza = racing;

    SyncReport r = engine().build().run();

    assertThat(oomnitza.size()).as("matched by the sync key: no duplicate").isEqualTo(250);
    assertThat(r.outcomes(Situation.CREATE)).filteredOn(o -> o.sourceId().compareTo("cuuser_00050") < 0)
        .as("the first portion's creates are not vouched for").allMatch(RecordOutcome::unverified);
    assertThat(r.outcomes(Situation.CREATE)).filteredOn(o -> o.sourceId().compareTo("cuuser_00050") >= 0)
        .noneMatch(RecordOutcome::unverified);

    int finds = oomnitza.finds.get();
    SyncReport again = engine().build().run();
    assertThat(oomnitza.finds.get()).as("the unverified portion is correlated again").isGreaterThan(finds);
    assertThat(again.count(Situation.CREATE)).isZero();
    assertThat(again.writes()).isZero();
  }

  @Test
  void aSinkThatCannotListIsCorrelatedPerBatchAsBefore() {
    oomnitza.listable = false;
    SyncReport r = engine().build().run();
    assertThat(r.count(Situation.CREATE)).isEqualTo(250);
    assertThat(oomnitza.finds.get()).isEqualTo(5);
  }
}
