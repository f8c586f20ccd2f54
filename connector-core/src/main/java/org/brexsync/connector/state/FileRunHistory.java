package org.brexsync.connector.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.port.RunHistory;
import org.brexsync.connector.port.RunRecord;
import org.brexsync.connector.port.StateStoreException;

/**
 * The run history of one machine: a JSON-lines file (by default {@code runs.jsonl} beside the sync
 * state), one line when a run starts and one when it ends, appended under a file lock so several
 * processes of one machine may share it. Reading is streamed and keeps only the runs asked for, so a
 * long history costs disk, not heap; once the file passes {@value #COMPACT_BYTES} bytes it is rewritten
 * with its newest {@value #KEEP_RUNS} runs. A start line that no end line follows before the next start
 * of the same integration is read as {@link RunRecord.Status#ABANDONED}.
 */
public final class FileRunHistory implements RunHistory {
  /** File size past which the history is compacted. */
  public static final long COMPACT_BYTES = 16L * 1024 * 1024;
  /** Runs kept by a compaction. */
  public static final int KEEP_RUNS = 10_000;

  private final Path file;

  private FileRunHistory(Path file) {
    this.file = file;
  }

  /**
   * The history in {@code file} (created on the first run).
   *
   * @param file the JSON Lines file of the history
   * @return the history
   */
  public static FileRunHistory at(Path file) {
    return new FileRunHistory(Objects.requireNonNull(file, "file").toAbsolutePath());
  }

  /**
   * The history kept in {@code runs.jsonl} of a state directory.
   *
   * @param stateDir the state directory, e.g. {@link FileSyncStateStore#DEFAULT_ROOT}
   * @return the history
   */
  public static FileRunHistory inStateDirectory(Path stateDir) {
    return at(stateDir.resolve("runs.jsonl"));
  }

  /** {@return the history's file, absolute} */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void record(RunRecord run) {
    String line;
    try {
      line = Json.mapper().writeValueAsString(run) + "\n";
    } catch (JsonProcessingException e) {
      throw new StateStoreException("cannot write run " + run.runId() + " to " + file, e);
    }
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
        long end = ch.size();
        String text = line;
        if (end > 0) {
          // A process killed mid-append leaves a torn last line: end it, so this record stays whole.
          java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
          ch.read(last, end - 1);
          if (last.get(0) != '\n') {
            text = "\n" + line;
          }
        }
        java.nio.ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
        while (bytes.hasRemaining()) {
          end += ch.write(bytes, end);
        }
        if (ch.size() > COMPACT_BYTES) {
          compact();
        }
      }
    } catch (IOException e) {
      throw new StateStoreException("cannot append to the run history " + file + ": " + e.getMessage(), e);
    }
  }

  /** Rewrites the file with its newest runs (called under the append lock). */
  private void compact() throws IOException {
    List<RunRecord> keep = recent(Optional.empty(), KEEP_RUNS);
    Path tmp = Files.createTempFile(file.getParent(), "runs", ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (int i = keep.size() - 1; i >= 0; i--) {
        w.write(Json.mapper().writeValueAsString(keep.get(i)));
        w.write('\n');
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public List<RunRecord> recent(Optional<String> integration, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    if (!Files.exists(file)) {
      return List.of();
    }
    // The newest `limit` runs by start line, updated in place by their end lines; per integration the
    // run last started and not ended, to mark it abandoned when another start follows.
    LinkedHashMap<String, RunRecord> window = new LinkedHashMap<>();
    Map<String, String> open = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        RunRecord run;
        try {
          run = Json.mapper().readValue(line, RunRecord.class);
        } catch (JsonProcessingException e) {
          continue; // a torn last line of a crashed process; its run reads as never recorded
        }
        if (integration.isPresent() && !integration.get().equals(run.integration())) {
          continue;
        }
        if (run.status() == RunRecord.Status.RUNNING) {
          String before = open.put(run.integration(), run.runId());
          if (before != null && !before.equals(run.runId())) {
            RunRecord dead = window.get(before);
            if (dead != null && dead.status() == RunRecord.Status.RUNNING) {
              window.put(before, dead.ended(RunRecord.Status.ABANDONED,
                  "its worker stopped before the run ended; run " + run.runId() + " took over", run.startedAt()));
            }
          }
          window.remove(run.runId());
          window.put(run.runId(), run);
          if (window.size() > limit) {
            Iterator<String> eldest = window.keySet().iterator();
            eldest.next();
            eldest.remove();
          }
        } else {
          open.remove(run.integration(), run.runId());
          if (window.containsKey(run.runId())) {
            window.put(run.runId(), run);
          }
        }
      }
    } catch (IOException e) {
      throw new StateStoreException("cannot read the run history " + file + ": " + e.getMessage(), e);
    }
    List<RunRecord> out = new ArrayList<>(window.values());
    out.sort(Comparator.comparing(RunRecord::startedAt).reversed());
    return out;
  }

  /** One streamed pass over the file, keeping one run per integration asked for. */
  @Override
  public Map<String, RunRecord> latest(java.util.Collection<String> integrations) {
    java.util.Set<String> wanted = new java.util.HashSet<>(integrations);
    Map<String, RunRecord> latest = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return latest;
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        RunRecord run;
        try {
          run = Json.mapper().readValue(line, RunRecord.class);
        } catch (JsonProcessingException e) {
          continue;
        }
        if (!wanted.contains(run.integration())) {
          continue;
        }
        // The run started last wins; a later line of the same run (its end) replaces it.
        RunRecord before = latest.get(run.integration());
        if (before == null || before.runId().equals(run.runId()) || run.startedAt().isAfter(before.startedAt())) {
          latest.put(run.integration(), run);
        }
      }
    } catch (IOException e) {
      throw new StateStoreException("cannot read the run history " + file + ": " + e.getMessage(), e);
    }
    return latest;
  }

  @Override
  public String toString() {
    return "FileRunHistory{" + file + "}";
  }
}
