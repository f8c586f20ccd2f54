package org.brexsync.connector.state.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Merges the committed records with sorted operations into a new base file: written to a temporary
 * file, forced to disk, then moved over the old one atomically, so a crash leaves the old file or the
 * new one.
 */
public final class Compaction {
  private Compaction() {}

  /**
   * Writes {@code base} (may be null: no records) merged with {@code ops} to {@code target}, through
   * {@code target + ".tmp"}, and returns the number of records written.
   */
  public static long write(BaseFile base, Sorter.Source ops, Path target, Optional<Instant> lastRun) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    long n;
    try (BaseWriter w = new BaseWriter(tmp, lastRun)) {
      BaseFile.Cursor c = base == null ? null : base.cursor();
      Rec b = c == null ? null : c.next();
      Rec o = ops.next();
      while (b != null || o != null) {
        int cmp = b == null ? 1 : o == null ? -1 : Rec.compare(b.id, o.id);
        if (cmp < 0) {
          w.add(b.id, b.body);
          b = c.next();
        } else {
          if (o.body != null) {
            w.add(o.id, o.body);
          }
          if (cmp == 0) {
            b = c.next();
          }
          o = ops.next();
        }
      }
      w.finish();
      n = w.count();
    } catch (IOException | RuntimeException | Error e) {
      BaseFile.deleteQuietly(tmp);
      throw e;
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return n;
  }
}
