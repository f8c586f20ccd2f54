package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brexsync.testkit.OomnitzaSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code "sink": "BULK"} from the CLI and an integration document: the bulk API keys records by Field ID. */
class BulkSinkCliTest {
  private static final String BULK = TestConfigs.LAUNCHABLE
      .replace("\"mapping\": {", "\"sink\": \"BULK\",\n  \"mapping\": {");

  @TempDir Path dir;
  Sims sims;

  @BeforeEach
  void start() {
    sims = Sims.start(20);
  }

  @AfterEach
  void stop() {
    sims.close();
  }

  private Path config(String json) throws IOException {
    Path config = dir.resolve("integration.json");
    Files.writeString(config, json);
    return config;
  }

  @Test
  void bulkSyncInTheSandboxCreatesPeopleAndTheSecondRunWritesNothing() throws IOException {
    Cli.Result r = Cli.run("sync", "--sandbox-users", "30", "--config", config(BULK).toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    String first = r.out().substring(r.out().indexOf("First sync"), r.out().indexOf("Second sync"));
    String second = r.out().substring(r.out().indexOf("Second sync"));
    assertThat(first).containsPattern("created\\s+21").containsPattern("updated\\s+9").containsPattern("failed\\s+0");
    assertThat(second).containsPattern("unchanged\\s+30").contains("writes to Oomnitza: 0");
    assertThat(r.all()).doesNotContain("No field id known");
  }

  @Test
  void bulkSyncTranslatesFieldsThroughTheCatalogOomnitzaServes() throws IOException {
    Path config = config(BULK.replace("https://acme.oomnitza.example", sims.oomnitza.baseUri().toString()));
    var env = sims.env();
    env.put("MY_BREX_TOKEN", sims.brex.token());
    env.put("MY_OOMNITZA_TOKEN", sims.oomnitza.apiToken());
    String state = dir.resolve("state").toString();

    Cli.Result first = Cli.run(env, "sync", "--config", config.toString(), "--state-dir", state);
    long writesAfterFirst = sims.oomnitzaWrites();
    Cli.Result second = Cli.run(env, "sync", "--config", config.toString(), "--state-dir", state);

    assertThat(first.code()).as(first.all()).isEqualTo(0);
    assertThat(first.out()).containsPattern("created\\s+20").containsPattern("failed\\s+0");
    assertThat(sims.oomnitza.userCount()).isEqualTo(20);
    String id0 = sims.brex.company().orElseThrow().userId(0);
    assertThat(sims.oomnitza.userBy("brex_user_id", id0)).isPresent();
    assertThat(sims.oomnitza.count("POST", "/api/v3/bulk")).isPositive();
    assertThat(sims.oomnitza.count("POST", "/api/v3/users")).isZero();
    assertThat(second.code()).as(second.all()).isEqualTo(0);
    assertThat(second.out()).containsPattern("unchanged\\s+20").contains("writes to Oomnitza: 0");
    assertThat(sims.oomnitzaWrites()).isEqualTo(writesAfterFirst);
  }

  @Test
  void withoutTheServedCatalogTheDocumentNamesTheFieldIds() throws IOException {
    sims.oomnitza.faults().on("GET", "/api/v3/users/meta").failNext(10, 404);
    String withIds = BULK.replace("\"sink\": \"BULK\",",
        "\"sink\": \"BULK\",\n  \"fieldIds\": {\"brex_user_id\": \"" + OomnitzaSimulator.customFieldId("brex_user_id") + "\"},");

    Cli.Result r = Cli.run(sims.env(), "sync", "--config", config(withIds.replace("MY_BREX_TOKEN", "BREX_API_TOKEN")
        .replace("MY_OOMNITZA_TOKEN", "OOMNITZA_API_TOKEN")).toString(), "--state-dir", dir.resolve("state").toString());

    assertThat(r.code()).as(r.all()).isEqualTo(0);
    assertThat(r.err()).contains("does not serve its users data model");
    assertThat(sims.oomnitza.userCount()).isEqualTo(20);
  }

  @Test
  void anUnknownFieldIdStopsTheRunBeforeAnyWriteAndSaysWhatToAdd() throws IOException {
    sims.oomnitza.faults().on("GET", "/api/v3/users/meta").failNext(10, 404);

    Cli.Result r = Cli.run(sims.env(), "sync", "--config", config(BULK.replace("MY_BREX_TOKEN", "BREX_API_TOKEN")
        .replace("MY_OOMNITZA_TOKEN", "OOMNITZA_API_TOKEN")).toString(), "--state-dir", dir.resolve("state").toString());

    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.err()).contains("Field ID of brex_user_id", "\"fieldIds\": {\"brex_user_id\"");
    assertThat(sims.oomnitzaWrites()).isZero();
  }
}
