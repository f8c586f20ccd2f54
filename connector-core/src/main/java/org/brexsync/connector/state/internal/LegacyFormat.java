package org.brexsync.connector.state.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.state.CorruptStateException;

/**
 * Reads the first file format (until issue 14), once, to convert it: a snapshot {@code state.jsonl}
 * (a header object, then one {@code [id, fingerprint, syncKey, targetId]} array per line) and a
 * journal {@code journal.jsonl} ({@code ["P", id, fingerprint, syncKey, targetId]} /
 * {@code ["D", id]} per line, a torn last line ignored). Streams into a {@link Sorter}.
 */
public final class LegacyFormat {
  /** The snapshot file name of the first format. */
  public static final String SNAPSHOT = "state.jsonl";
  /** The journal file name of the first format. */
  public static final String JOURNAL = "journal.jsonl";

  private LegacyFormat() {}

  /** Whether a directory holds state in the first format. */
  public static boolean present(Path dir) {
    return Files.exists(dir.resolve(SNAPSHOT)) || Files.exists(dir.resolve(JOURNAL));
  }

  /**
   * Feeds the snapshot then the journal into {@code sink} in order; returns the last successful run.
   *
   * @throws CorruptStateException naming the file and line that cannot be read
   */
  public static Optional<Instant> read(Path dir, Sorter sink) throws IOException {
    Optional<Instant> lastRun = Optional.empty();
    long seq = 0;
    Path snap = dir.resolve(SNAPSHOT);
    if (Files.exists(snap)) {
      try (BufferedReader r = Files.newBufferedReader(snap, StandardCharsets.UTF_8)) {
        String header = r.readLine();
        if (header == null) {
          throw new CorruptStateException(snap, "the file is empty", null);
        }
        JsonNode h = parse(snap, 1, header);
        if (!h.isObject()) {
          throw new CorruptStateException(snap, "line 1 is not the header object", null);
        }
        if (h.hasNonNull("lastSuccessfulRun")) {
          try {
            lastRun = Optional.of(Instant.parse(h.get("lastSuccessfulRun").asText()));
          } catch (java.time.format.DateTimeParseException e) {
            throw new CorruptStateException(snap, "line 1 has an unreadable lastSuccessfulRun", e);
          }
        }
        String line;
        int n = 1;
        while ((line = r.readLine()) != null) {
          n++;
          JsonNode a = parse(snap, n, line);
          if (!isRecord(a, 0)) {
            throw new CorruptStateException(snap, "line " + n + " is not a state record", null);
          }
          sink.add(put(a, 0, seq++));
        }
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new CorruptStateException(snap, "the file is not UTF-8 text", e);
      }
    }
    Path jr = dir.resolve(JOURNAL);
    if (Files.exists(jr)) {
      try (BufferedReader r = Files.newBufferedReader(jr, StandardCharsets.UTF_8)) {
        String line = r.readLine();
        int n = 0;
        while (line != null) {
          n++;
          String next = r.readLine();
          JsonNode a;
          try {
            a = Json.mapper().readTree(line);
          } catch (IOException e) {
            a = null;
          }
          boolean valid = a != null && a.isArray() && a.size() >= 2 && a.get(1).isTextual()
              && ("P".equals(a.get(0).asText()) && isRecord(a, 1) || "D".equals(a.get(0).asText()));
          if (!valid) {
            if (next == null) {
              break; // the torn last line of a crashed run: its batch was never confirmed
            }
            throw new CorruptStateException(jr, "line " + n + " is not a journal entry", null);
          }
          if ("P".equals(a.get(0).asText())) {
            sink.add(put(a, 1, seq++));
          } else {
            sink.add(new Rec(Rec.utf8(a.get(1).asText()), null, seq++));
          }
          line = next;
        }
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new CorruptStateException(jr, "the file is not UTF-8 text", e);
      }
    }
    return lastRun;
  }

  private static Rec put(JsonNode a, int from, long seq) {
    String target = a.get(from + 3).asText();
    RecordState s = RecordState.of(a.get(from + 1).asText(), a.get(from + 2).asText(),
        target.isEmpty() ? Optional.empty() : Optional.of(target));
    return new Rec(Rec.utf8(a.get(from).asText()), Rec.body(s), seq);
  }

  private static JsonNode parse(Path file, int line, String text) {
    try {
      JsonNode n = Json.mapper().readTree(text);
      if (n == null) {
        throw new CorruptStateException(file, "line " + line + " is empty", null);
      }
      return n;
    } catch (IOException e) {
      throw new CorruptStateException(file, "line " + line + " is not JSON" + (line > 1 ? " (truncated?)" : ""), e);
    }
  }

  /** Whether {@code a} holds four strings from {@code from}: id, fingerprint, sync key, target id. */
  private static boolean isRecord(JsonNode a, int from) {
    if (!a.isArray() || a.size() != from + 4) {
      return false;
    }
    for (int i = from; i < from + 4; i++) {
      if (!a.get(i).isTextual()) {
        return false;
      }
    }
    return true;
  }
}
