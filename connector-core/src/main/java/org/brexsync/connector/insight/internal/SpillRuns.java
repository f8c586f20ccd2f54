package org.brexsync.connector.insight.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * External merge sort for sorted views without a limit: rows are buffered up to a fixed count, each
 * full buffer is sorted and written to a temporary file (one JSON line per row), and the runs are
 * merged at the end reading one row per run. Memory: the buffer plus one row per run. Temporary
 * files are deleted when the merge ends (also on failure). Not API.
 */
final class SpillRuns implements AutoCloseable {
  private static final ObjectMapper M = new ObjectMapper();
  private final List<Path> runs = new ArrayList<>();
  private int written;

  /** Number of runs written so far (also after the merge). */
  int size() {
    return written;
  }

  /** Writes an already sorted buffer as one run. */
  void spill(List<ViewEvaluator.Held> sorted) {
    try {
      Path p = Files.createTempFile("brexsync-insight-sort", ".jsonl");
      p.toFile().deleteOnExit();
      runs.add(p);
      written++;
      try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
          JsonGenerator g = M.getFactory().createGenerator(w)) {
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        for (ViewEvaluator.Held h : sorted) {
          g.writeStartArray();
          g.writeNumber(h.seq);
          writeCells(g, h.sort);
          writeCells(g, h.cells);
          g.writeEndArray();
          g.writeRaw('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write sort run", e);
    }
  }

  /** Merges the runs and the (sorted) in-memory rest, in order. */
  void merge(List<ViewEvaluator.Held> rest, Comparator<ViewEvaluator.Held> order, Consumer<ViewEvaluator.Held> sink) {
    List<BufferedReader> readers = new ArrayList<>();
    try {
      PriorityQueue<Object[]> pq = new PriorityQueue<>((a, b) -> order.compare((ViewEvaluator.Held) a[0], (ViewEvaluator.Held) b[0]));
      for (Path p : runs) {
        BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
        readers.add(r);
        ViewEvaluator.Held h = read(r);
        if (h != null) {
          pq.add(new Object[] {h, r});
        }
      }
      java.util.Iterator<ViewEvaluator.Held> mem = rest.iterator();
      if (mem.hasNext()) {
        pq.add(new Object[] {mem.next(), mem});
      }
      while (!pq.isEmpty()) {
        Object[] top = pq.poll();
        sink.accept((ViewEvaluator.Held) top[0]);
        ViewEvaluator.Held next;
        if (top[1] instanceof BufferedReader) {
          next = read((BufferedReader) top[1]);
        } else {
          @SuppressWarnings("unchecked")
          java.util.Iterator<ViewEvaluator.Held> it = (java.util.Iterator<ViewEvaluator.Held>) top[1];
          next = it.hasNext() ? it.next() : null;
        }
        if (next != null) {
          pq.add(new Object[] {next, top[1]});
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sort run", e);
    } finally {
      for (BufferedReader r : readers) {
        try {
          r.close();
        } catch (IOException ignored) {
          // closing a read-only temp file
        }
      }
    }
  }

  @Override
  public void close() {
    for (Path p : runs) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // deleteOnExit is the fallback
      }
    }
    runs.clear();
  }

  private static void writeCells(JsonGenerator g, List<Cell> cells) throws IOException {
    g.writeStartArray();
    for (Cell c : cells) {
      g.writeStartArray();
      g.writeString(c.text());
      g.writeTree(c.json());
      if (c.number().isPresent()) {
        g.writeNumber(c.number().get());
      } else {
        g.writeNull();
      }
      if (c.currency().isPresent()) {
        g.writeString(c.currency().get());
      } else {
        g.writeNull();
      }
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private static ViewEvaluator.Held read(BufferedReader r) throws IOException {
    String line = r.readLine();
    if (line == null) {
      return null;
    }
    JsonNode a = M.readTree(line);
    return new ViewEvaluator.Held(cells(a.get(2)), cells(a.get(1)), a.get(0).asLong());
  }

  private static List<Cell> cells(JsonNode arr) {
    List<Cell> out = new ArrayList<>(arr.size());
    for (JsonNode c : arr) {
      JsonNode num = c.get(2);
      JsonNode cur = c.get(3);
      out.add(new Cell(c.get(0).asText(), c.get(1),
          num.isNull() ? Optional.empty() : Optional.of(new BigDecimal(num.asText())),
          cur.isNull() ? Optional.empty() : Optional.of(cur.asText())));
    }
    return out;
  }

  static { // keep decimals exact when reading runs back
    M.enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }
}
