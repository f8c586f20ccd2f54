package org.brexsync.connector.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.brexsync.connector.port.StateSession;
import org.brexsync.connector.port.StateStoreException;
import org.brexsync.connector.port.SyncStateStore;
import org.brexsync.connector.state.internal.FileSession;


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


  private final Path root;

  private FileSyncStateStore(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /**
   * A store under a root directory (created on first use).
   *
   * @param root the directory holding one subdirectory per integration
   * @return the store
   */
  public static FileSyncStateStore at(Path root) {
    return new FileSyncStateStore(root);
  }

  /** {@return a store under {@link #DEFAULT_ROOT}} */
  public static FileSyncStateStore defaults() {
    return new FileSyncStateStore(DEFAULT_ROOT);
  }

  /**
   * {@return the directory of one integration (under the root; unsafe characters replaced by {@code _})}
   *
   * @param integration the integration's name
   */
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
        return new FileSession(dir, true, false);
      }
      Files.createDirectories(dir);
      return new FileSession(dir, readOnly, true);
    } catch (IOException e) {
      throw new StateStoreException("cannot open sync state in " + dir + ": " + e.getMessage(), e);
    }
  }
}
