package org.brexsync.connector.state.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Brings an integration's directory to one base file when a session opens: converts the first
 * format once, and merges a journal that a crashed or failed run left. A writing session replaces
 * the files (new file, fsync, atomic move, then delete the old ones); a read-only session writes its
 * merged copy to its scratch directory and changes nothing.
 */
final class Recovery {
  private Recovery() {}

  /** The base file to read (null: no records yet). */
  static BaseFile recover(Path dir, Path scratch, boolean readOnly, String baseName, String journalName, long sortBudget)
      throws IOException {
    Path basePath = dir.resolve(baseName);
    boolean legacy = LegacyFormat.present(dir);
    BaseFile base = null;
    try {
      if (Files.exists(basePath)) {
        base = BaseFile.open(basePath);
        if (legacy && !readOnly) {
          deleteLegacy(dir); // a migration that crashed after installing the base file: the old files are stale
        }
      } else if (legacy) {
        Path target = readOnly ? scratch.resolve(baseName) : basePath;
        try (Sorter sorter = new Sorter(scratch, sortBudget)) {
          Optional<Instant> lastRun = LegacyFormat.read(dir, sorter);
          Compaction.write(null, sorter.finish(), target, lastRun);
        }
        if (!readOnly) {
          fsync(dir);
          deleteLegacy(dir);
        }
        base = BaseFile.open(target);
      }
      Path jr = dir.resolve(journalName);
      if (Files.exists(jr)) {
        Path target = readOnly ? scratch.resolve(baseName + ".merged") : basePath;
        Optional<Instant> lastRun = base == null ? Optional.empty() : base.lastRun();
        try (Sorter sorter = new Sorter(scratch, sortBudget)) {
          Journal.read(jr, sorter, 0);
          Compaction.write(base, sorter.finish(), target, lastRun);
        }
        if (base != null) {
          base.close();
          base = null;
        }
        if (!readOnly) {
          fsync(dir);
          Files.delete(jr);
          fsync(dir);
        }
        base = BaseFile.open(target);
      }
      return base;
    } catch (IOException | RuntimeException | Error e) {
      if (base != null) {
        base.close();
      }
      throw e;
    }
  }

  private static void deleteLegacy(Path dir) throws IOException {
    Files.deleteIfExists(dir.resolve(LegacyFormat.JOURNAL));
    Files.deleteIfExists(dir.resolve(LegacyFormat.SNAPSHOT));
    fsync(dir);
  }

  /** Forces a directory's entries to disk, where the platform can. */
  static void fsync(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot fsync a directory; the atomic move is still durable enough there.
    }
  }
}
