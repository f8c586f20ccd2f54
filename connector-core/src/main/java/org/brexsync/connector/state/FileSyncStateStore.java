package org.brexsync.connector.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.brexsync.connector.internal.Json;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateStoreException;

/**
 * The default state store: one directory per integration under a root directory, holding a snapshot
 * ({@code state.jsonl}) and an append-only journal ({@code journal.jsonl}). Each batch's writes are
 * appended to the journal and fsynced ({@link StateSession#flush()}); a commit compacts snapshot and
 * journal into a temporary file, fsyncs it and atomically moves it over the snapshot, then deletes the
 * journal. Opening replays a leftover journal (after a crash) and ignores a torn last line. A file lock
 * keeps two processes from running the same integration at once.
 */
public final class FileSyncStateStore implements SyncStateStore {
  /** The default root directory, relative to the working directory. */
  public static final Path DEFAULT_ROOT = Path.of("brexsync-state");

  private static final String SNAPSHOT = "state.jsonl";
  private static final String JOURNAL = "journal.jsonl";
  private static final String LOCK = "lock";

  private final Path root;

  private FileSyncStateStore(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /** A store under a root directory (created on first use). */
  public static FileSyncStateStore at(Path root) {
    return new FileSyncStateStore(root);
  }

  /** A store under {@link #DEFAULT_ROOT}. */
  public static FileSyncStateStore defaults() {
    return new FileSyncStateStore(DEFAULT_ROOT);
  }

  /** The directory of one integration. */
  public Path directoryOf(String integration) {
    return root.resolve(integration.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A read-only session (a dry run) creates nothing on disk: without a directory it starts empty.
   *
   * @throws CorruptStateException when the snapshot or journal cannot be read (the lock is released)
   * @throws StateStoreException when the directory cannot be created or locked
   */
  @Override
  public StateSession open(String integration, boolean readOnly) {
    Path dir = directoryOf(integration);
    try {
      if (readOnly && !Files.isDirectory(dir)) {
        return new Session(dir, true, false);
      }
      Files.createDirectories(dir);
      return new Session(dir, readOnly, true);
    } catch (IOException e) {
      throw new StateStoreException("cannot open sync state in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static final class Session implements StateSession {
    private final Path dir;
    private final boolean readOnly;
    private final Map<String, RecordState> records = new HashMap<>();
    private Instant lastRun;
    private FileChannel lockChannel;
    private FileLock lock;
    private FileChannel journal;
    private final StringBuilder pending = new StringBuilder();

    Session(Path dir, boolean readOnly, boolean exists) throws IOException {
      this.dir = dir;
      this.readOnly = readOnly;
      if (!readOnly) {
        lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
          lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        } catch (IOException | RuntimeException e) {
          lockChannel.close();
          throw e;
        }
        if (lock == null) {
          lockChannel.close();
          throw new StateStoreException("sync state in " + dir + " is in use by another run");
        }
      }
      if (!exists) {
        return;
      }
      try {
        load();
      } catch (IOException | RuntimeException | Error e) {
        // Whatever stops the open, the caller gets no session to close: release the lock now, or an
        // embedding application stays locked out of this integration until garbage collection.
        releaseQuietly(e);
        throw e;
      }
    }

    private void releaseQuietly(Throwable failure) {
      try {
        if (lock != null) {
          lock.release();
        }
        if (lockChannel != null) {
          lockChannel.close();
        }
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
      lock = null;
      lockChannel = null;
    }

    private void load() throws IOException {
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
              lastRun = Instant.parse(h.get("lastSuccessfulRun").asText());
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
            records.put(a.get(0).asText(), state(a, 1));
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
              records.put(a.get(1).asText(), state(a, 2));
            } else {
              records.remove(a.get(1).asText());
            }
            line = next;
          }
        } catch (java.nio.charset.CharacterCodingException e) {
          throw new CorruptStateException(jr, "the file is not UTF-8 text", e);
        }
      }
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

    private static RecordState state(JsonNode a, int from) {
      String target = a.get(from + 2).asText();
      return RecordState.of(a.get(from).asText(), a.get(from + 1).asText(), target.isEmpty() ? Optional.empty() : Optional.of(target));
    }

    @Override
    public Optional<RecordState> get(String sourceId) {
      return Optional.ofNullable(records.get(sourceId));
    }

    @Override
    public int size() {
      return records.size();
    }

    @Override
    public void put(String sourceId, RecordState state) {
      if (readOnly) {
        return;
      }
      records.put(sourceId, state);
      pending
          .append("[\"P\",")
          .append(q(sourceId))
          .append(',')
          .append(q(state.fingerprint()))
          .append(',')
          .append(q(state.syncKey()))
          .append(',')
          .append(q(state.targetId().orElse("")))
          .append("]\n");
    }

    @Override
    public void remove(String sourceId) {
      if (readOnly) {
        return;
      }
      records.remove(sourceId);
      pending.append("[\"D\",").append(q(sourceId)).append("]\n");
    }

    private static String q(String s) {
      return TextNode.valueOf(s).toString();
    }

    @Override
    public void forEach(BiConsumer<String, RecordState> visitor) {
      new HashMap<>(records).forEach(visitor);
    }

    @Override
    public Optional<Instant> lastSuccessfulRun() {
      return Optional.ofNullable(lastRun);
    }

    @Override
    public void flush() {
      if (readOnly || pending.length() == 0) {
        return;
      }
      try {
        if (journal == null) {
          journal =
              FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        ByteBuffer buf = ByteBuffer.wrap(pending.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          journal.write(buf);
        }
        journal.force(false);
        pending.setLength(0);
      } catch (IOException e) {
        throw new StateStoreException("cannot write sync state journal in " + dir, e);
      }
    }

    @Override
    public void commit(Instant runStart) {
      if (readOnly) {
        return;
      }
      flush();
      lastRun = runStart;
      Path tmp = dir.resolve(SNAPSHOT + ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
          BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8), 1 << 16)) {
        w.write(
            JsonNodeFactory.instance.objectNode().put("format", 1).put("lastSuccessfulRun", runStart.toString()).toString());
        w.write('\n');
        for (Map.Entry<String, RecordState> e : records.entrySet()) {
          RecordState s = e.getValue();
          w.write('[');
          w.write(q(e.getKey()));
          w.write(',');
          w.write(q(s.fingerprint()));
          w.write(',');
          w.write(q(s.syncKey()));
          w.write(',');
          w.write(q(s.targetId().orElse("")));
          w.write("]\n");
        }
        w.flush();
        ch.force(true);
      } catch (IOException e) {
        throw new StateStoreException("cannot write sync state snapshot in " + dir, e);
      }
      try {
        try {
          Files.move(tmp, dir.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, dir.resolve(SNAPSHOT), StandardCopyOption.REPLACE_EXISTING);
        }
        fsyncDirectory();
        if (journal != null) {
          journal.close();
          journal = null;
        }
        Files.deleteIfExists(dir.resolve(JOURNAL));
        fsyncDirectory();
      } catch (IOException e) {
        throw new StateStoreException("cannot replace sync state snapshot in " + dir, e);
      }
    }

    private void fsyncDirectory() {
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true);
      } catch (IOException | UnsupportedOperationException e) {
        // Some platforms cannot fsync a directory; the atomic move is still durable enough there.
      }
    }

    @Override
    public void close() {
      if (!readOnly && pending.length() > 0) {
        flush();
      }
      try {
        if (journal != null) {
          journal.close();
        }
        if (lock != null) {
          lock.release();
        }
        if (lockChannel != null) {
          lockChannel.close();
        }
      } catch (NoSuchFileException e) {
        // directory removed under us: nothing to release
      } catch (IOException e) {
        throw new StateStoreException("cannot close sync state in " + dir, e);
      }
    }
  }
}
