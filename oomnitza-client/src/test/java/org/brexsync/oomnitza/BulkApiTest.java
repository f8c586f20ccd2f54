package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.brexsync.oomnitza.bulk.BulkRecord;
import org.brexsync.oomnitza.bulk.BulkRun;
import org.brexsync.oomnitza.bulk.BulkRunOptions;
import org.brexsync.oomnitza.bulk.BulkRunResult;
import org.brexsync.oomnitza.bulk.ConnectorRef;
import org.brexsync.oomnitza.bulk.RunLogDetails;
import org.brexsync.oomnitza.bulk.RunLogEntry;
import org.junit.jupiter.api.Test;

class BulkApiTest extends WireTestSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final UUID PORTION = UUID.fromString("0b7c3a5e-9a49-4b0e-8d8e-111122223333");

  private final List<RecordedRequest> seen = new ArrayList<>();

  /** Answers bulk calls; {@code canceledAfter} status checks report a UI cancel; uploads from {@code failUpload} fail with 500. */
  private void bulkServer(int canceledAfterChecks, int failUploadNumber) {
    server.setDispatcher(new Dispatcher() {
      int checks;
      int uploads;

      @Override
      public MockResponse dispatch(RecordedRequest r) {
        synchronized (seen) {
          seen.add(r);
        }
        String p = r.getTarget();
        if (r.getMethod().equals("GET") && p.startsWith("/api/v3/bulk/")) {
          checks++;
          boolean canceled = canceledAfterChecks > 0 && checks > canceledAfterChecks;
          return new MockResponse.Builder().body("{\"canceled\":" + canceled + "}").build();
        }
        if (r.getMethod().equals("POST") && p.equals("/api/v3/bulk")) {
          uploads++;
          if (uploads == failUploadNumber) {
            return new MockResponse.Builder().code(500).body("{\"error\":\"boom\"}").build();
          }
          return new MockResponse.Builder().body("{}").build();
        }
        if (r.getMethod().equals("POST") && p.endsWith("/finalize")) {
          return new MockResponse.Builder().body("{}").build();
        }
        return new MockResponse.Builder().code(404).build();
      }
    });
  }

  private static List<BulkRecord> records(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> BulkRecord.builder().set(FieldId.USER, "u" + i).set(FieldId.EMAIL, "u" + i + "@x.com").build())
        .collect(Collectors.toList());
  }

  private BulkRunOptions.Builder options() {
    return BulkRunOptions.builder().connector(ConnectorRef.name("Brex")).portion(PORTION).addSyncFields(FieldId.EMAIL);
  }

  private List<String> calls() {
    synchronized (seen) {
      return seen.stream().map(r -> r.getMethod() + " " + r.getTarget()).collect(Collectors.toList());
    }
  }

  private List<JsonNode> uploads() throws Exception {
    List<JsonNode> out = new ArrayList<>();
    synchronized (seen) {
      for (RecordedRequest r : seen) {
        if (r.getMethod().equals("POST") && r.getTarget().equals("/api/v3/bulk")) {
          out.add(JSON.readTree(body(r)));
        }
      }
    }
    return out;
  }

  @Test
  void uploadsInBatchesOfTheConfiguredSizeCheckingCancelBeforeEachAndFinalizes() throws Exception {
    bulkServer(0, 0);
    BulkRunResult result = client().bulk().upload(options().build(), records(250));

    String status = "GET /api/v3/bulk/" + PORTION;
    assertThat(calls()).as("no status check before the run exists on the server").containsExactly(
        "POST /api/v3/bulk", status, "POST /api/v3/bulk", status, "POST /api/v3/bulk",
        "POST /api/v3/bulk/" + PORTION + "/finalize");
    assertThat(uploads()).extracting(p -> p.get("records").size()).containsExactly(100, 100, 50);
    assertThat(result.batches()).isEqualTo(3);
    assertThat(result.records()).isEqualTo(250);
    assertThat(result.finalized()).isTrue();
    assertThat(result.cancelled()).isFalse();
    assertThat(result.portion()).isEqualTo(PORTION.toString());
  }

  @Test
  void thePayloadMatchesTheConnectorContract() throws Exception {
    bulkServer(0, 0);
    try (BulkRun run = client().bulk().start(options()
        .connector(ConnectorRef.id(268))
        .addSyncFields(FieldId.USER)
        .updateOnly(true)
        .testRun(true)
        .batchSize(2)
        .connectorVersion("9.9")
        .checkServerCancellation(false)
        .putExtraPayload("multi_str_input_value", TextNode.valueOf("x"))
        .requestOptions(RequestOptions.builder().notTriggerWorkflows(true).build())
        .build())) {
      run.add(BulkRecord.builder().set(FieldId.USER, "jdoe").set(FieldId.PERMISSIONS_ID, 25)
          .set("e622e72fc31f4946a77c95828fd1dbc3", "cu_1").build());
    }
    RecordedRequest upload = seen.get(0);
    assertThat(upload.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(upload.getHeaders().get("Authorization2")).isEqualTo(TOKEN);
    assertThat(upload.getHeaders().get("Oomnitza-Not-Trigger-WF")).isEqualTo("1");
    assertThat(JSON.readTree(body(upload))).isEqualTo(JSON.readTree("{"
        + "\"connector_version\":\"9.9\",\"sync_field\":[\"EMAIL\",\"USER\"],"
        + "\"records\":[{\"USER\":\"jdoe\",\"PERMISSIONS_ID\":25,\"E622E72FC31F4946A77C95828FD1DBC3\":\"cu_1\"}],"
        + "\"portion\":\"" + PORTION + "\",\"data_type\":\"users\",\"insert_only\":false,\"update_only\":true,"
        + "\"error\":null,\"test_run\":true,\"connector_id\":268,\"multi_str_input_value\":\"x\"}"));
    RecordedRequest fin = seen.get(1);
    assertThat(fin.getTarget()).isEqualTo("/api/v3/bulk/" + PORTION + "/finalize");
    assertThat(body(fin)).isEqualTo("{}");
  }

  @Test
  void insertOnlyWithUpdateOnlyFailsBeforeAnyCall() {
    assertThatThrownBy(() -> options().insertOnly(true).updateOnly(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mutually exclusive");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void extraPayloadCannotOverrideTheContract() {
    assertThatThrownBy(() -> options().putExtraPayload("records", TextNode.valueOf("x")).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailedUploadAbortsWithAFatalErrorEntryAndStillFinalizes() throws Exception {
    bulkServer(0, 2);
    OomnitzaClient c = clientBuilder().retryPolicy(RetryPolicy.none()).build();
    assertThatThrownBy(() -> c.bulk().upload(options().checkServerCancellation(false).build(), records(250)))
        .isInstanceOf(OomnitzaServerException.class);
    assertThat(calls()).containsExactly("POST /api/v3/bulk", "POST /api/v3/bulk", "POST /api/v3/bulk",
        "POST /api/v3/bulk/" + PORTION + "/finalize");
    JsonNode fatal = uploads().get(2);
    assertThat(fatal.get("error_type").asText()).isEqualTo("Fatal Error");
    assertThat(fatal.get("error").asText()).contains("OomnitzaServerException");
    assertThat(fatal.get("records").size()).isZero();
  }

  @Test
  void closingARunFinalizesEvenWhenTheLastFlushFails() {
    bulkServer(0, 1);
    OomnitzaClient c = clientBuilder().retryPolicy(RetryPolicy.none()).build();
    BulkRun run = c.bulk().start(options().checkServerCancellation(false).build());
    run.addAll(records(3));
    assertThatThrownBy(run::close).isInstanceOf(OomnitzaServerException.class);
    assertThat(calls()).containsExactly("POST /api/v3/bulk", "POST /api/v3/bulk/" + PORTION + "/finalize");
    assertThat(run.result().finalized()).isTrue();
    assertThatThrownBy(() -> run.add(records(1).get(0))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anExceptionInsideTryWithResourcesStillFinalizes() {
    bulkServer(0, 0);
    assertThatThrownBy(() -> {
      try (BulkRun run = client().bulk().start(options().checkServerCancellation(false).build())) {
        run.add(records(1).get(0));
        throw new IllegalStateException("mapping failed");
      }
    }).isInstanceOf(IllegalStateException.class);
    assertThat(calls()).containsExactly("POST /api/v3/bulk", "POST /api/v3/bulk/" + PORTION + "/finalize");
  }

  @Test
  void aCancellationTokenStopsTheRunBetweenBatchesAndItIsFinalized() throws Exception {
    bulkServer(0, 0);
    AtomicBoolean cancel = new AtomicBoolean();
    List<BulkRecord> recs = records(250);
    Iterable<BulkRecord> source = () -> IntStream.range(0, recs.size()).mapToObj(i -> {
      if (i == 150) {
        cancel.set(true); // an operator pressed stop while the second batch was being read
      }
      return recs.get(i);
    }).iterator();

    BulkRunResult r = client().bulk().upload(
        options().checkServerCancellation(false).cancellation(cancel::get).build(), source);

    assertThat(r.cancelled()).isTrue();
    assertThat(r.batches()).isEqualTo(1);
    assertThat(r.records()).isEqualTo(100);
    assertThat(r.finalized()).isTrue();
    assertThat(calls()).containsExactly("POST /api/v3/bulk", "POST /api/v3/bulk/" + PORTION + "/finalize");
  }

  @Test
  void aCancelInOomnitzasUiStopsTheRunAndItIsFinalized() throws Exception {
    bulkServer(1, 0);
    BulkRunResult r = client().bulk().upload(options().build(), records(350));
    assertThat(r.cancelled()).isTrue();
    assertThat(r.batches()).isEqualTo(2);
    assertThat(calls()).containsExactly("POST /api/v3/bulk", "GET /api/v3/bulk/" + PORTION,
        "POST /api/v3/bulk", "GET /api/v3/bulk/" + PORTION, "POST /api/v3/bulk/" + PORTION + "/finalize");
  }

  @Test
  void anUploadRefusedBecauseTheRunWasJustCancelledCountsAsCancellation() {
    server.setDispatcher(new Dispatcher() {
      int statusChecks;
      int uploads;

      @Override
      public MockResponse dispatch(RecordedRequest r) {
        synchronized (seen) {
          seen.add(r);
        }
        if (r.getMethod().equals("GET")) {
          statusChecks++;
          return new MockResponse.Builder().body("{\"canceled\":" + (statusChecks > 1) + "}").build();
        }
        if (r.getTarget().equals("/api/v3/bulk") && ++uploads == 2) {
          return new MockResponse.Builder().code(409).body("{\"error\":\"run was canceled\"}").build();
        }
        return new MockResponse.Builder().body("{}").build();
      }
    });
    BulkRunResult r = client().bulk().upload(options().build(), records(250));
    assertThat(r.cancelled()).isTrue();
    assertThat(r.aborted()).isFalse();
    assertThat(r.batches()).isEqualTo(1);
    assertThat(calls()).containsExactly("POST /api/v3/bulk", "GET /api/v3/bulk/" + PORTION, "POST /api/v3/bulk",
        "GET /api/v3/bulk/" + PORTION, "POST /api/v3/bulk/" + PORTION + "/finalize");
  }

  @Test
  void perRecordErrorsAreUploadedAsErrorEntries() throws Exception {
    bulkServer(0, 0);
    try (BulkRun run = client().bulk().start(options().checkServerCancellation(false).build())) {
      run.add(records(1).get(0));
      run.addError(BulkRecord.builder().set(FieldId.USER, "bad").build(), "email missing");
      assertThat(run.result().errorEntries()).isEqualTo(1);
    }
    List<JsonNode> ups = uploads();
    assertThat(ups).hasSize(2);
    assertThat(ups.get(0).get("error").isNull()).isTrue();
    assertThat(ups.get(1).get("error").asText()).isEqualTo("email missing");
    assertThat(ups.get(1).get("records").get(0).get("USER").asText()).isEqualTo("bad");
  }

  @Test
  void anEmptyRunOnlyFinalizes() {
    bulkServer(0, 0);
    BulkRunResult r = client().bulk().upload(options().build(), List.of());
    assertThat(r.batches()).isZero();
    assertThat(calls()).containsExactly("POST /api/v3/bulk/" + PORTION + "/finalize");
  }

  @Test
  void isCancelledReadsTheConfiguredField() throws Exception {
    enqueueJson("{\"is_canceled\":true,\"canceled\":false}");
    OomnitzaClient c = clientBuilder()
        .conventions(OomnitzaConventions.builder().bulkCanceledField("is_canceled").build()).build();
    assertThat(c.bulk().isCancelled("p-1")).isTrue();
    assertThat(take().getTarget()).isEqualTo("/api/v3/bulk/p-1");
  }

  @Test
  void runLogsArePagedAndParsed() throws Exception {
    enqueueJson("[{\"portion_id\":17,\"portion_correlation_id\":\"" + PORTION + "\",\"start_time\":1700000000.5,"
        + "\"end_time\":1700000100.0,\"connector\":\"Brex\",\"status\":\"Completed with errors\",\"test_run\":false,"
        + "\"deployment\":\"cloud\",\"ipv4_address\":\"10.0.0.1\",\"is_media_storage_service\":false,"
        + "\"added_records_count\":3,\"updated_records_count\":4,\"skipped_records_count\":1,\"error_logs_count\":2}]");
    List<RunLogEntry> logs = client().bulk()
        .runLogs(ConnectorRef.id(268), ListQuery.builder().pageSize(20).sortBy(Sort.desc("start_time")).build()).toList();
    assertThat(take().getTarget()).isEqualTo("/api/v3/connector_run_logs/268?limit=20&skip=0&sortby=start_time%20desc");
    RunLogEntry e = logs.get(0);
    assertThat(e.portionId()).contains("17");
    assertThat(e.portionCorrelationId()).contains(PORTION.toString());
    assertThat(e.addedRecordsCount()).isEqualTo(3);
    assertThat(e.updatedRecordsCount()).isEqualTo(4);
    assertThat(e.skippedRecordsCount()).isEqualTo(1);
    assertThat(e.errorLogsCount()).isEqualTo(2);
    assertThat(e.status()).contains("Completed with errors");
    assertThat(e.startTime().orElseThrow().toEpochMilli()).isEqualTo(1700000000500L);
  }

  @Test
  void runLogDetailsCarryCountsAndLogs() throws Exception {
    enqueueJson("{\"connector\":\"Brex\",\"deployment\":\"cloud\",\"start_time\":1700000000,\"end_time\":1700000100,"
        + "\"status\":\"Completed with errors\",\"ipv4_address\":\"10.0.0.1\","
        + "\"objects\":{\"updated\":4,\"added\":3,\"failed\":2,\"skipped\":1,\"unchanged\":9,\"canceled\":0,\"processing\":0},"
        + "\"logs\":{\"Fatal Error\":[],\"failed\":[\"Failed to process the mapping value\",\"x\"],\"added\":[]},"
        + "\"file_attachment\":null,\"test_run\":false,\"test_run_payload\":[],\"new_unknown\":1}");
    RunLogDetails d = client().bulk().runLog("17");
    assertThat(take().getTarget()).isEqualTo("/api/v3/connector_run_logs/connectors/17");
    assertThat(d.objects().added()).isEqualTo(3);
    assertThat(d.objects().updated()).isEqualTo(4);
    assertThat(d.objects().failed()).isEqualTo(2);
    assertThat(d.objects().skipped()).isEqualTo(1);
    assertThat(d.objects().unchanged()).isEqualTo(9);
    assertThat(d.messages("failed")).containsExactly("Failed to process the mapping value", "x");
    assertThat(d.fatalErrors()).isEmpty();
    assertThat(d.status()).contains("Completed with errors");
  }

  @Test
  void runLogEntriesMayBeObjects() {
    enqueueJson("{\"logs\":{\"failed\":[{\"record\":\"jdoe\",\"message\":\"bad role\"}],"
        + "\"Fatal Error\":[{\"message\":\"boom\"}]}}");
    RunLogDetails d = client().bulk().runLog("17");
    assertThat(d.messages("failed")).containsExactly("jdoe: bad role");
    assertThat(d.fatalErrors()).containsExactly("boom");
  }

  @Test
  void statusCheckOfARunTheServerDoesNotKnowMeansNotCancelled() {
    enqueueJson(404, "{\"error\":\"run not found\"}");
    assertThat(client().bulk().isCancelled("p-unknown")).isFalse();
  }

  @Test
  void batchAnswersWithCountsAndPerRecordErrorsAreCollected() {
    server.enqueue(new MockResponse.Builder().body("{\"objects\":{\"added\":1,\"failed\":1},"
        + "\"errors\":[{\"index\":1,\"record\":\"u1\",\"error\":\"bad email\"}]}").build());
    server.enqueue(new MockResponse.Builder().body("{\"objects\":{\"updated\":2},\"errors\":[{\"index\":0,\"error\":\"x\"}]}").build());
    enqueueJson("{}");
    BulkRunResult r = client().bulk().upload(options().batchSize(2).checkServerCancellation(false).build(), records(4));
    assertThat(r.reportedCounts().added()).isEqualTo(1);
    assertThat(r.reportedCounts().updated()).isEqualTo(2);
    assertThat(r.reportedCounts().failed()).isEqualTo(1);
    assertThat(r.recordErrors()).hasSize(2);
    assertThat(r.recordErrors().get(0).recordIndex()).contains(1L);
    assertThat(r.recordErrors().get(0).record()).contains("u1");
    assertThat(r.recordErrors().get(0).message()).isEqualTo("bad email");
    assertThat(r.recordErrors().get(1).batch()).isEqualTo(2);
    assertThat(r.recordErrors().get(1).recordIndex()).contains(2L);
  }

  @Test
  void runLogWithAWrongShapeIsAClearError() {
    enqueueJson("{\"objects\":\"many\"}");
    OomnitzaClient once = clientBuilder().retryPolicy(RetryPolicy.none()).build(); // one answer, no retry
    assertThatThrownBy(() -> once.bulk().runLog("17"))
        .isInstanceOf(OomnitzaResponseException.class)
        .hasMessageContaining("RunLogDetails");
  }

  @Test
  void bulkRecordsConvertThroughAFieldCatalog() {
    FieldCatalog catalog = FieldCatalog.standardUsers().toBuilder()
        .put("brex_user_id", "E622E72FC31F4946A77C95828FD1DBC3").build();
    OomnitzaUser u = OomnitzaUser.builder().username("jdoe").email("j@x.com").role(25).set("brex_user_id", "cu_1").build();
    BulkRecord r = BulkRecord.from(u, catalog);
    assertThat(r.fields().keySet()).extracting(FieldId::value)
        .containsExactly("USER", "EMAIL", "PERMISSIONS_ID", "E622E72FC31F4946A77C95828FD1DBC3");
    assertThat(FieldId.of("E622E72FC31F4946A77C95828FD1DBC3").isCustom()).isTrue();
    assertThat(r.toRecord(catalog).fields()).isEqualTo(u.fields());
    assertThatThrownBy(() -> BulkRecord.from(OomnitzaUser.builder().set("unmapped_x", "1").build(), catalog))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unmapped_x");
    assertThat(catalog.externalId(FieldId.PERMISSIONS_ID)).contains(ExternalId.of("role"));
    assertThat(r.toString()).doesNotContain("jdoe");
    assertThat(Map.of()).isEmpty();
  }
}
