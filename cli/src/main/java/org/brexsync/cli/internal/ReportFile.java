package org.brexsync.cli.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.brexsync.connector.insight.Csv;
import org.brexsync.connector.sync.RecordOutcome;
import org.brexsync.connector.sync.Situation;
import org.brexsync.connector.sync.SyncListener;
import org.brexsync.connector.sync.SyncReport;
import org.brexsync.cli.ConfigurationException;

/**
 * The {@code sync --report} file, complete whatever the size of the run: every reported outcome is
 * appended to a spool file beside the target as the engine decides it ({@link #onRecord}), and at the
 * end the JSON or CSV file is assembled from the spool and the report's totals, and moved into place.
 * Memory stays bounded by one outcome; the in-memory {@link SyncReport} keeps its own cap. Like the
 * report object, UNCHANGED outcomes are counted, not listed.
 */
final class ReportFile implements SyncListener, AutoCloseable {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      .build();

  private final Path target;
  private final String format;
  private final Path spool;
  private final BufferedWriter out;
  private long rows;
  private IOException failure;
  private boolean closed;

  private ReportFile(Path target, String format, Path spool, BufferedWriter out) {
    this.target = target;
    this.format = format;
    this.spool = spool;
    this.out = out;
  }

  /** Starts a report file for one run ({@code format}: {@code json} or {@code csv}). */
  static ReportFile start(Path target, String format) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path spool = Files.createTempFile(dir, "." + target.getFileName() + ".", ".outcomes");
      return new ReportFile(target, format, spool, Files.newBufferedWriter(spool, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigurationException("cannot write the report to " + target + ": " + e, e);
    }
  }

  @Override
  public void onRecord(RecordOutcome outcome) {
    if (outcome.situation() == Situation.UNCHANGED || failure != null || closed) {
      return;
    }
    try {
      out.write(MAPPER.writeValueAsString(outcome));
      out.write('\n');
      rows++;
    } catch (IOException e) {
      failure = e; // reported when the file is completed; the run itself goes on
    }
  }

  /** Outcomes in the file. */
  long rows() {
    return rows;
  }

  /** The file. */
  Path target() {
    return target;
  }

  /**
   * Writes the file from the run's report and every spooled outcome, then moves it into place.
   *
   * @throws ConfigurationException when the file cannot be written
   */
  void complete(SyncReport r) {
    try {
      out.close();
      if (failure != null) {
        throw failure;
      }
    } catch (IOException e) {
      close();
      throw new ConfigurationException("cannot write the report to " + target + ": " + e, e);
    }
    try {
      OutputFile.write(target, w -> {
        if ("json".equals(format)) {
          json(r, w);
        } else {
          csv(r, w);
        }
      });
    } finally {
      close();
    }
  }

  private void json(SyncReport r, Writer w) throws IOException {
    ObjectNode head = MAPPER.valueToTree(r);
    head.remove("outcomes");
    // The file holds every outcome, whatever the in-memory report had to leave out.
    head.put("outcomesTruncated", false);
    head.put("outcomesOmitted", 0);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(new NonClosing(w)).useDefaultPrettyPrinter();
        BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
      g.writeStartObject();
      boolean listed = false;
      Iterator<Map.Entry<String, JsonNode>> it = head.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!listed && e.getKey().startsWith("outcomes")) {
          listed = outcomes(g, in); // where the report object puts its own list
        }
        g.writeFieldName(e.getKey());
        g.writeTree(e.getValue());
      }
      if (!listed) {
        outcomes(g, in);
      }
      g.writeEndObject();
    }
    w.write(System.lineSeparator());
  }

  private static boolean outcomes(JsonGenerator g, BufferedReader spooled) throws IOException {
    g.writeArrayFieldStart("outcomes");
    String line;
    while ((line = spooled.readLine()) != null) {
      g.writeTree(MAPPER.readTree(line));
    }
    g.writeEndArray();
    return true;
  }

  private void csv(SyncReport r, Writer w) throws IOException {
    w.write(Csv.record(Reports.CSV_HEADER));
    try (BufferedReader in = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        w.write(Reports.csvRecord(r, MAPPER.readValue(line, RecordOutcome.class)));
      }
    }
  }

  /** Deletes the spool (the target is untouched unless {@link #complete} moved a new one in). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      // deleted below
    }
    try {
      Files.deleteIfExists(spool);
    } catch (IOException e) {
      // a leftover hidden spool file is harmless
    }
  }

  /** Lets the generator close without closing the file's writer. */
  private static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer w) {
      super(w);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
