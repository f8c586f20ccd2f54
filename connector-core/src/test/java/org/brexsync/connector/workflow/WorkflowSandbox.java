package org.brexsync.connector.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.Connection;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.OomnitzaSimulator;
import org.brexsync.testkit.RecordedCall;

/** Both simulators, the clients and a runner pointed at them; reset between tests. */
final class WorkflowSandbox implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final BrexSimulator brex;
  final OomnitzaSimulator oomnitza;
  final OomnitzaClient oomnitzaClient;
  final WorkflowRunner runner;

  WorkflowSandbox() {
    brex = BrexSimulator.builder().rateLimit(0, Duration.ofSeconds(60)).start();
    oomnitza = OomnitzaSimulator.builder()
        .customField("api_response", false)
        .customField("brex_status", false)
        .customField("brex_user_card_id", false)
        .customField("brex_card_status", false)
        .customField("left_company", false)
        .customField("brex_trace_id", false)
        .start();
    oomnitzaClient = OomnitzaClient.builder().baseUri(oomnitza.baseUri()).apiToken(oomnitza.apiToken())
        .sleeper(d -> {}).build();
    runner = runner(Map.of("BREX_API_TOKEN", brex.token()));
  }

  WorkflowRunner runner(Map<String, String> env) {
    return WorkflowRunner.builder()
        .oomnitza(oomnitzaClient)
        .brexBaseUri(brex.baseUri())
        .brexCredential(Connection.of(Optional.empty(), "BREX_API_TOKEN"))
        .env(env::get)
        .sleeper(d -> {})
        .build();
  }

  void reset() {
    brex.reset();
    oomnitza.reset();
  }

  /** Adds an Oomnitza user; {@code fields} alternate name, value. */
  ObjectNode person(String username, String... fields) {
    ObjectNode u = JSON.createObjectNode().put("username", username).put("email", username + "@acme.example")
        .put("first_name", "First").put("last_name", "Last");
    for (int i = 0; i + 1 < fields.length; i += 2) {
      u.put(fields[i], fields[i + 1]);
    }
    return oomnitza.addUser(u);
  }

  /** The Oomnitza user now. */
  ObjectNode oomnitzaUser(String username) {
    return oomnitza.userBy("username", username).orElseThrow();
  }

  /** Brex requests other than reads of the given kind, e.g. writes. */
  long brexWrites() {
    return brex.requests().stream().filter(c -> !c.method().equals("GET")).count();
  }

  long brexRequests() {
    return brex.requests().size();
  }

  long oomnitzaPatches() {
    return oomnitza.requests().stream().filter(c -> c.method().equals("PATCH")).count();
  }

  RecordedCall lastBrex() {
    var all = brex.requests();
    return all.get(all.size() - 1);
  }

  /** The last Brex write whose path ends with {@code suffix}. */
  RecordedCall lastBrexWrite(String suffix) {
    var all = brex.requests();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (!all.get(i).method().equals("GET") && all.get(i).path().endsWith(suffix)) {
        return all.get(i);
      }
    }
    throw new AssertionError("no write to *" + suffix);
  }

  @Override
  public void close() {
    brex.close();
    oomnitza.close();
  }
}
