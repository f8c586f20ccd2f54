package org.brexsync.connector.state;

import java.nio.file.Path;
import java.util.Objects;
import org.brexsync.connector.port.StateStoreException;

/**
 * A sync state file cannot be read: it is truncated, or not the format this version writes. Names the
 * file and says how to recover: move the integration's state directory aside (or delete it); the next
 * run then starts without state, correlates every Brex user with Oomnitza by the sync key (so it
 * creates no duplicates) and writes a fresh state. The lock of the failed open is already released.
 */
public class CorruptStateException extends StateStoreException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /**
   * An exception about {@code file}; {@code problem} says what is wrong with it.
   *
   * @param file the unreadable state file
   * @param problem what is wrong with it, e.g. {@code the file is empty}
   * @param cause the failure that revealed it, or null
   */
  public CorruptStateException(Path file, String problem, Throwable cause) {
    super("the sync state file " + Objects.requireNonNull(file, "file") + " is corrupt (" + problem + "). "
        + recovery(file), cause);
    this.file = file;
  }

  /** {@return the unreadable file; null after deserialization (the path is not serialized)} */
  public Path file() {
    return file;
  }

  private static String recovery(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return "To recover, move the directory " + dir + " aside (or delete it) and run again: the next run starts "
        + "without state and matches every Brex user with Oomnitza by the sync key, so it creates no duplicates, "
        + "but it re-reads every person once and does not detect users who left Brex since the last run.";
  }
}
