package org.brexsync.connector.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.StateStoreException;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.state.internal.BaseFile;
import org.brexsync.connector.state.internal.Compaction;
import org.brexsync.connector.state.internal.Journal;
import org.brexsync.connector.state.internal.LegacyFormat;
import org.brexsync.connector.state.internal.Rec;
import org.brexsync.connector.state.internal.Records;
import org.brexsync.connector.state.internal.RunMarks;
import org.brexsync.connector.state.internal.Sorter;

/**
 * The default state store: one directory per integration under a root directory, created on first
 * use (no set-up, no server). Heap use does not grow with the number of records: the committed state
 * is one sorted file read through a memory mapping with a sparse index, a run's bookkeeping goes to an
 * append-only journal, and a run's marks (ids seen, sync keys claimed) live in memory-mapped scratch
 * files.
 *
 * <p>Files of an integration's directory:
 *
 * <ul>
 *   <li>{@code state.bin}: the committed records sorted by source id, with the last successful run
 *       (format in {@code state.internal.BaseFile}); replaced, never changed in place.
 *   <li>{@code journal.bin}: this run's puts and removes, appended and fsynced after every batch
 *       (format in {@code state.internal.Journal}).
 *   <li>{@code lock}: held by the writing session, so two processes never run one integration at once.
 *   <li>{@code *.tmp}: scratch files of the running session (run marks, sort runs, the next
 *       {@code state.bin}); a crash may leave them, the next writing session deletes them.
 * </ul>
 *
 * <p>Crash safety: a commit merges {@code state.bin} and the journal into {@code state.bin.tmp},
 * forces it to disk, moves it over {@code state.bin} atomically and then deletes the journal, so a
 * crash leaves the old state plus its journal or the new state. Opening merges a journal left by a
 * crashed or failed run the same way (its last, torn frame ignored), so what earlier batches made
 * durable is known to the next run.
 *
 * <p>Migration: a directory in the first format ({@code state.jsonl} + {@code journal.jsonl}, until
 * issue 14) is read once and converted when a writing session opens it; a read-only session reads it
 * into a temporary copy and leaves the directory as it is.
 */
public final class FileSyncStateStore implements SyncStateStore {
  /** The default root directory, relative to the working directory. */
  public static final Path DEFAULT_ROOT = Path.of("brexsync-state");

  /** The committed records. */
  static final String BASE = "state.bin";
  /** The run journal. */
  static final String JOURNAL = "journal.bin";
  private static final String LOCK = "lock";
  /** Heap budget of one external sort (commit, recovery, migration). */
  private static final long SORT_BUDGET = 8L << 20;

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
   * <p>A read-only session (a dry run) creates nothing in the state directory: without a directory it
   * starts empty; its scratch files go to the system's temporary directory.
   *
   * @throws CorruptStateException when a state file cannot be read (the lock is released)
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
    private final Path scratch;
    private final boolean ownScratch;
    private FileChannel lockChannel;
    private FileLock lock;
    private BaseFile base;
    private Journal journal;
    private RunMarks marks;
    private boolean closed;

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
        scratch = dir;
        ownScratch = false;
      } else {
        scratch = Files.createTempDirectory("brexsync-state-");
        ownScratch = true;
      }
      try {
        if (!readOnly) {
          deleteScratchFiles(dir);
        }
        if (exists) {
          recover();
        }
        if (!readOnly) {
          journal = new Journal(dir.resolve(JOURNAL));
        }
      } catch (IOException | RuntimeException | Error e) {
        // Whatever stops the open, the caller gets no session to close: release everything now, or
        // an embedding application stays locked out of this integration until garbage collection.
        releaseQuietly(e);
        throw e;
      }
    }

    /** Brings the directory to one base file: converts the first format, merges a leftover journal. */
    private void recover() throws IOException {
      Path basePath = dir.resolve(BASE);
      boolean legacy = LegacyFormat.present(dir);
      if (Files.exists(basePath)) {
        base = BaseFile.open(basePath);
        if (legacy && !readOnly) {
          // a migration that crashed after installing state.bin: the old files are stale
          deleteLegacy();
        }
      } else if (legacy) {
        Path target = readOnly ? scratch.resolve(BASE) : basePath;
        try (Sorter sorter = new Sorter(scratch, SORT_BUDGET)) {
          Optional<Instant> lastRun = LegacyFormat.read(dir, sorter);
          Compaction.write(null, sorter.finish(), target, lastRun);
        }
        if (!readOnly) {
          fsyncDirectory();
          deleteLegacy();
        }
        base = BaseFile.open(target);
      }
      Path jr = dir.resolve(JOURNAL);
      if (Files.exists(jr)) {
        Path target = readOnly ? scratch.resolve(BASE + ".merged") : basePath;
        Optional<Instant> lastRun = base == null ? Optional.empty() : base.lastRun();
        try (Sorter sorter = new Sorter(scratch, SORT_BUDGET)) {
          Journal.read(jr, sorter, 0);
          Compaction.write(base, sorter.finish(), target, lastRun);
        }
        if (base != null) {
          base.close();
        }
        if (!readOnly) {
          fsyncDirectory();
          Files.delete(jr);
          fsyncDirectory();
        }
        base = BaseFile.open(target);
      }
    }

    private void deleteLegacy() throws IOException {
      Files.deleteIfExists(dir.resolve(LegacyFormat.JOURNAL));
      Files.deleteIfExists(dir.resolve(LegacyFormat.SNAPSHOT));
      fsyncDirectory();
    }

    private static void deleteScratchFiles(Path dir) throws IOException {
      try (DirectoryStream<Path> tmp = Files.newDirectoryStream(dir, "*.tmp")) {
        for (Path p : tmp) {
          Files.deleteIfExists(p);
        }
      }
    }

    private void releaseQuietly(Throwable failure) {
      if (base != null) {
        base.close();
        base = null;
      }
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
      if (ownScratch) {
        deleteTree(scratch);
      }
    }

    private void ensureOpen() {
      if (closed) {
        throw new IllegalStateException("the sync state session of " + dir + " is closed");
      }
    }

    @Override
    public Optional<Instant> lastSuccessfulRun() {
      ensureOpen();
      return base == null ? Optional.empty() : base.lastRun();
    }

    @Override
    public long size() {
      ensureOpen();
      return base == null ? 0 : base.count();
    }

    @Override
    public Map<String, RecordState> get(Collection<String> sourceIds) {
      ensureOpen();
      Map<String, RecordState> out = new LinkedHashMap<>();
      if (base == null) {
        return out;
      }
      for (String id : sourceIds) {
        base.get(id.getBytes(StandardCharsets.UTF_8)).ifPresent(s -> out.put(id, s));
      }
      return out;
    }

    private RunMarks marks() throws IOException {
      if (marks == null) {
        marks = new RunMarks(scratch, Math.max(1024, size()));
      }
      return marks;
    }

    @Override
    public Set<String> markSeen(Collection<String> sourceIds) {
      ensureOpen();
      Set<String> before = new LinkedHashSet<>();
      try {
        RunMarks m = marks();
        for (String id : sourceIds) {
          if (!m.markSeen(id)) {
            before.add(id);
          }
        }
      } catch (IOException e) {
        throw new StateStoreException("cannot write the run marks in " + scratch + ": " + e.getMessage(), e);
      }
      return before;
    }

    @Override
    public Map<String, String> claimKeys(Map<String, String> claims) {
      ensureOpen();
      Map<String, String> taken = new LinkedHashMap<>();
      try {
        RunMarks m = marks();
        for (Map.Entry<String, String> c : claims.entrySet()) {
          m.claim(c.getKey(), c.getValue()).ifPresent(owner -> taken.put(c.getKey(), owner));
        }
      } catch (IOException e) {
        throw new StateStoreException("cannot write the run marks in " + scratch + ": " + e.getMessage(), e);
      }
      return taken;
    }

    @Override
    public void markTargetKeys(Collection<String> keys) {
      ensureOpen();
      try {
        RunMarks m = marks();
        for (String k : keys) {
          m.markTarget(k);
        }
      } catch (IOException e) {
        throw new StateStoreException("cannot write the run marks in " + scratch + ": " + e.getMessage(), e);
      }
    }

    @Override
    public Set<String> targetKeys(Collection<String> keys) {
      ensureOpen();
      Set<String> out = new LinkedHashSet<>();
      try {
        RunMarks m = marks();
        for (String k : keys) {
          if (m.isTarget(k)) {
            out.add(k);
          }
        }
      } catch (IOException e) {
        throw new StateStoreException("cannot read the run marks in " + scratch + ": " + e.getMessage(), e);
      }
      return out;
    }

    @Override
    public void put(String sourceId, RecordState state) {
      ensureOpen();
      if (!readOnly) {
        journal.put(sourceId, state);
      }
    }

    @Override
    public void remove(String sourceId) {
      ensureOpen();
      if (!readOnly) {
        journal.remove(sourceId);
      }
    }

    @Override
    public void flush() {
      ensureOpen();
      if (readOnly) {
        return;
      }
      try {
        journal.flush();
      } catch (IOException e) {
        throw new StateStoreException("cannot write sync state journal in " + dir + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void forEach(BiConsumer<String, RecordState> visitor) {
      visit(visitor, false);
    }

    @Override
    public void forEachUnseen(BiConsumer<String, RecordState> visitor) {
      visit(visitor, true);
    }

    private void visit(BiConsumer<String, RecordState> visitor, boolean unseenOnly) {
      ensureOpen();
      if (base == null) {
        return;
      }
      try {
        RunMarks m = unseenOnly ? marks() : null;
        BaseFile.Cursor c = base.cursor();
        for (Rec r = c.next(); r != null; r = c.next()) {
          if (m == null || !m.isSeen(Records.id(r))) {
            visitor.accept(Records.idText(r), Records.state(r));
          }
        }
      } catch (IOException e) {
        throw new StateStoreException("cannot read the sync state in " + dir + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void commit(Instant runStart) {
      ensureOpen();
      if (readOnly) {
        return;
      }
      Path jr = dir.resolve(JOURNAL);
      try {
        journal.flush();
        journal.close();
        try (Sorter sorter = new Sorter(scratch, SORT_BUDGET)) {
          if (Files.exists(jr)) {
            Journal.read(jr, sorter, 0);
          }
          Compaction.write(base, sorter.finish(), dir.resolve(BASE), Optional.of(runStart));
        }
      } catch (IOException e) {
        throw new StateStoreException("cannot write sync state snapshot in " + dir + ": " + e.getMessage(), e);
      }
      try {
        if (base != null) {
          base.close();
          base = null;
        }
        fsyncDirectory();
        Files.deleteIfExists(jr);
        fsyncDirectory();
        base = BaseFile.open(dir.resolve(BASE));
        journal = new Journal(jr);
      } catch (IOException e) {
        throw new StateStoreException("cannot replace sync state snapshot in " + dir + ": " + e.getMessage(), e);
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
      if (closed) {
        return;
      }
      StateStoreException failure = null;
      try {
        if (!readOnly && journal != null && journal.hasPending()) {
          journal.flush();
        }
      } catch (IOException e) {
        failure = new StateStoreException("cannot write sync state journal in " + dir + ": " + e.getMessage(), e);
      }
      closed = true;
      try {
        if (journal != null) {
          journal.close();
        }
      } catch (IOException e) {
        if (failure == null) {
          failure = new StateStoreException("cannot close sync state in " + dir, e);
        }
      }
      if (marks != null) {
        marks.close();
      }
      if (base != null) {
        base.close();
      }
      try {
        if (lock != null) {
          lock.release();
        }
        if (lockChannel != null) {
          lockChannel.close();
        }
      } catch (NoSuchFileException e) {
        // directory removed under us: nothing to release
      } catch (IOException e) {
        if (failure == null) {
          failure = new StateStoreException("cannot close sync state in " + dir, e);
        }
      }
      if (ownScratch) {
        deleteTree(scratch);
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  private static void deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a temporary directory the system cleans up
        }
      });
    } catch (IOException e) {
      // nothing left to delete
    }
  }
}
