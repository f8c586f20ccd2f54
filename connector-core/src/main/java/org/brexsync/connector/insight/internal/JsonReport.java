package org.brexsync.connector.insight.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.brexsync.connector.insight.Column;
import org.brexsync.connector.insight.ListView;
import org.brexsync.connector.internal.Json;

/**
 * Streams a report as JSON: {@code {"view", "title", "generated_at", "columns":[{field,label,format}],
 * "rows":[{label: value}]}} for ungrouped views, {@code "groups":[{"group","count","subtotals",
 * "rows"}]} for grouped ones, then {@code "matched"}, {@code "not_listed"} and {@code "totals"}.
 * Money values are {@code {"amount": 12.50, "currency": "USD"}} in major units. Not API.
 */
public final class JsonReport implements ReportWriter {
  private final JsonGenerator g;
  private final Instant generatedAt;
  private List<String> headings;
  private boolean grouped;
  private boolean inGroup;

  /** A writer to {@code out}; {@code generatedAt} is written as the report's time. */
  public JsonReport(Writer out, Instant generatedAt) {
    try {
      this.g = Json.mapper().getFactory().createGenerator(out);
      g.useDefaultPrettyPrinter();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.generatedAt = generatedAt;
  }

  @Override
  public void begin(ListView view, List<String> headings) {
    this.headings = headings;
    this.grouped = !view.groupBy().isEmpty();
    io(() -> {
      g.writeStartObject();
      g.writeStringField("view", view.name());
      g.writeStringField("title", view.heading());
      if (view.description().isPresent()) {
        g.writeStringField("description", view.description().get());
      }
      g.writeStringField("generated_at", generatedAt.toString());
      g.writeArrayFieldStart("columns");
      for (Column c : view.columns()) {
        g.writeStartObject();
        g.writeStringField("field", c.field());
        g.writeStringField("label", c.heading());
        g.writeStringField("format", c.format().name());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart(grouped ? "groups" : "rows");
    });
  }

  @Override
  public void groupStart(String label) {
    io(() -> {
      g.writeStartObject();
      g.writeStringField("group", label);
      g.writeArrayFieldStart("rows");
      inGroup = true;
    });
  }

  @Override
  public void row(List<Cell> cells) {
    io(() -> writeCells(cells));
  }

  @Override
  public void groupEnd(String label, List<String> key, long count, List<Cell> subtotals) {
    io(() -> {
      if (inGroup) {
        g.writeEndArray();
        inGroup = false;
      } else {
        g.writeStartObject();
        g.writeStringField("group", label);
      }
      g.writeNumberField("count", count);
      g.writeFieldName("subtotals");
      writeCells(subtotals);
      g.writeEndObject();
    });
  }

  @Override
  public void end(long matched, List<Cell> totals, long notListed) {
    io(() -> {
      g.writeEndArray();
      g.writeNumberField("matched", matched);
      g.writeNumberField("not_listed", notListed);
      g.writeFieldName("totals");
      writeCells(totals);
      g.writeEndObject();
      g.flush();
    });
  }

  private void writeCells(List<Cell> cells) throws IOException {
    g.writeStartObject();
    for (int i = 0; i < cells.size(); i++) {
      g.writeFieldName(headings.get(i));
      g.writeTree(cells.get(i).json());
    }
    g.writeEndObject();
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void io(IoAction a) {
    try {
      a.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
