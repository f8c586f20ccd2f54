package org.brexsync.connector.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.RateLimiter;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.testkit.BrexSimulator;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.MutableClock;
import org.brexsync.testkit.OomnitzaSimulator;
import org.junit.jupiter.api.Test;

/**
 * The dashboard of the sandbox company (generated, 400 users, 80% of them in Oomnitza), as the
 * README screenshot shows it. Writes the page to {@code -Dinsight.dashboard.out=FILE} when given,
 * else to a temporary file.
 */
class SandboxDashboardTest {

  @Test
  void sandboxDashboard() throws Exception {
    try (BrexSimulator brex = BrexSimulator.builder().company(CompanySpec.of(42, 400)).rateLimit(0, Duration.ofSeconds(60)).start();
        OomnitzaSimulator oomnitza = OomnitzaSimulator.start()) {
      oomnitza.seedUsers(brex.company().get().oomnitzaUsers().limit(320));
      BrexClient b = BrexClient.builder().token(brex.token()).baseUri(brex.baseUri()).sleeper(d -> {}).rateLimiter(RateLimiter.unlimited()).build();
      OomnitzaClient o = OomnitzaClient.builder().baseUri(oomnitza.baseUri()).apiToken(oomnitza.apiToken()).sleeper(d -> {}).build();
      MutableClock clock = new MutableClock(Instant.parse("2026-11-07T09:00:00Z"));
      ShipmentTracker tracker = ShipmentTracker.inMemory();
      Insight insight = Insight.builder().brex(b).oomnitza(o).clock(clock).shipmentTracker(tracker).memberLimit(15)
          .title("Dunder Mifflin · Brex users and cards").build();
      insight.insights(); // an earlier snapshot saw the SHIPPED cards
      clock.advance(Duration.ofDays(20));
      String out = System.getProperty("insight.dashboard.out", "");
      Path file = out.isEmpty() ? Files.createTempFile("dashboard", ".html") : Path.of(out);
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        insight.dashboard(w);
      }
      String html = Files.readString(file);
      HtmlCheck.wellFormed(html);
      assertThat(html).contains("Users by status").contains("<svg");
      if (out.isEmpty()) {
        Files.delete(file);
      }
      String report = System.getProperty("insight.report.out", "");
      if (!report.isEmpty()) { // a grouped report of the same company, to look at in a browser
        ListView v = ListView.builder().from(Catalog.view("cards").orElseThrow()).name("cards-by-department")
            .title("Open cards by department").addGroupBy("user.department.name")
            .addFilters(org.brexsync.connector.filter.FilterRule.excludeIn("status", "TERMINATED")).build();
        try (Writer w = Files.newBufferedWriter(Path.of(report), StandardCharsets.UTF_8)) {
          insight.report(v, ReportFormat.HTML, w);
        }
        HtmlCheck.wellFormed(Files.readString(Path.of(report)));
      }
    }
  }
}
