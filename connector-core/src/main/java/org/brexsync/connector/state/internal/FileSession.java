package org.brexsync.connector.state.internal;

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
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.StateStoreException;

/**
 * A session of {@code FileSyncStateStore} over one integration's directory: the base file, the
 * journal, the run marks and the lock (see the store for the files and the crash safety). Not
 * thread-safe.
 */
public final class FileSession implements StateSession {
  /** The committed records. */
  static final String BASE = "state.bin";
  /** The run journal. */
  static final String JOURNAL = "journal.bin";
  private static final String LOCK = "lock";
  /** Heap budget of one external sort (commit, recovery, migration). */
  private static final long SORT_BUDGET = 8L << 20;

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

  /**
   * Opens the state of one integration's directory ({@code exists}: whether it exists).
   *
   * @throws StateStoreException when another writing session holds the directory
   */
  public FileSession(Path dir, boolean readOnly, boolean exists) throws IOException {
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
        base = Recovery.recover(dir, scratch, readOnly, BASE, JOURNAL, SORT_BUDGET);
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
    Recovery.fsync(dir);
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

  static void deleteTree(Path dir) {
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
