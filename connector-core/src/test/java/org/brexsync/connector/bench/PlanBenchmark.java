package org.brexsync.connector.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.brexsync.connector.brex.BrexLookups;
import org.brexsync.connector.brex.BrexUserRecord;
import org.brexsync.connector.filter.FilterRule;
import org.brexsync.connector.filter.RecordFilter;
import org.brexsync.connector.mapping.CompiledMapping;
import org.brexsync.connector.mapping.MappedRecord;
import org.brexsync.connector.mapping.Mapping;
import org.brexsync.connector.mapping.MappingRule;
import org.brexsync.connector.mapping.TransformerRegistry;
import org.brexsync.connector.mapping.TransformerSpec;
import org.brexsync.connector.port.UserPage;
import org.brexsync.connector.port.UserSource;
import org.brexsync.connector.record.RecordView;
import org.brexsync.testkit.CompanySpec;
import org.brexsync.testkit.SyntheticCompany;

/**
 * The planning stages in memory, warm, on one thread: filter → map → diff (and the fingerprint the
 * engine keeps per record) over generated Brex users and their Oomnitza records. JMH-free: several
 * timed rounds after warm-up rounds, best and median printed. Not part of the test suite.
 *
 * <pre>
 * java -cp "$CP" org.brexsync.connector.bench.PlanBenchmark
 * </pre>
 *
 * <p>{@code $CP} is the test classpath; connector-core/README.md (Performance) shows how to write it.
 */
public final class PlanBenchmark {
  private PlanBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    SyntheticCompany company = SyntheticCompany.of(CompanySpec.of(3, n));
    List<ObjectNode> trees = new ArrayList<>(n);
    List<ObjectNode> existing = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      trees.add(company.user(i));
      ObjectNode o = company.oomnitzaUser(i).put("brex_user_id", company.userId(i)).put("role", 25);
      if (i % 10 == 0) {
        o.put("last_name", "Changed");
      }
      existing.add(o);
    }
    List<ObjectNode> departments = new ArrayList<>();
    for (int d = 0; d < 40; d++) {
      departments.add(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("id", company.departmentId(d)).put("name", "Dept " + d));
    }
    UserSource directories = new UserSource() {
      @Override
      public UserPage listUsers(java.util.Optional<String> cursor, int limit) {
        return UserPage.of(List.of(), java.util.Optional.empty());
      }

      @Override
      public java.util.Optional<ObjectNode> getUser(String id) {
        return java.util.Optional.empty();
      }

      @Override
      public List<ObjectNode> listDepartments() {
        return departments;
      }

      @Override
      public List<ObjectNode> listLocations() {
        return List.of();
      }

      @Override
      public List<ObjectNode> listTitles() {
        return List.of();
      }
    };
    // The standard mapping plus the rules of the README's example integration.
    Mapping mapping = Mapping.standard(25)
        .withRule(MappingRule.of("position", "title.name"))
        .withRule(MappingRule.of("department", "department.name"))
        .withRule(MappingRule.builder().target("employee_status").source("status")
            .addTransform(TransformerSpec.of("value_map", Map.of("map", Map.of("ACTIVE", "Active"), "default", "Inactive"))).build())
        .withRule(MappingRule.syncTime("last_synced"));
    CompiledMapping compiled = mapping.compile(TransformerRegistry.defaults());
    RecordFilter filter = RecordFilter.of(FilterRule.includeIn("status", "ACTIVE", "INVITED", "DISABLED", "DELETED", "ARCHIVED", "PENDING_ACTIVATION"));
    BrexLookups lookups = BrexLookups.over(directories);
    List<RecordView> page = UserPage.of(trees, java.util.Optional.empty()).items();
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    System.out.printf(Locale.ROOT, "brexsync PlanBenchmark: %,d users, %d mapping rules, 1 filter rule, 1 thread; %d cores, load average %.2f%n",
        n, mapping.rules().size(), Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    List<Double> planRates = new ArrayList<>();
    List<Double> withFingerprint = new ArrayList<>();
    // Records per second of this thread's CPU time as well: on a machine shared with other work the
    // wall-clock rate measures the machine's load as much as the code.
    List<Double> planCpuRates = new ArrayList<>();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int round = 0; round < 15; round++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        BrexUserRecord rec = BrexUserRecord.of(page.get(i), lookups);
        if (filter.rejection(rec).isPresent()) {
          continue;
        }
        MappedRecord m = compiled.evaluate(rec, now);
        sink += compiled.diff(m, existing.get(i)).size();
      }
      long t1 = System.nanoTime();
      long c1 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        BrexUserRecord rec = BrexUserRecord.of(page.get(i), lookups);
        if (filter.rejection(rec).isPresent()) {
          continue;
        }
        MappedRecord m = compiled.evaluate(rec, now);
        sink += compiled.diff(m, existing.get(i)).size() + compiled.fingerprint(m).length();
      }
      long t2 = System.nanoTime();
      if (round >= 5) {
        planRates.add(n / ((t1 - t0) / 1e9));
        planCpuRates.add(n / ((c1 - c0) / 1e9));
        withFingerprint.add(n / ((t2 - t1) / 1e9));
      }
    }
    planRates.sort(null);
    planCpuRates.sort(null);
    withFingerprint.sort(null);
    System.out.printf(Locale.ROOT, "%nFIGURE filter -> map -> diff in memory, warm: %,.0f records/s (median of 10 rounds; best %,.0f); goal >= 250,000 records/s%n",
        planRates.get(planRates.size() / 2), planRates.get(planRates.size() - 1));
    System.out.printf(Locale.ROOT, "FIGURE filter -> map -> diff per second of CPU time: %,.0f records/s (median; best %,.0f)%n",
        planCpuRates.get(planCpuRates.size() / 2), planCpuRates.get(planCpuRates.size() - 1));
    System.out.printf(Locale.ROOT, "FIGURE same plus the per-record fingerprint: %,.0f records/s (median; best %,.0f)%n",
        withFingerprint.get(withFingerprint.size() / 2), withFingerprint.get(withFingerprint.size() - 1));
    System.out.println("(checksum " + sink + ")");
  }
}
