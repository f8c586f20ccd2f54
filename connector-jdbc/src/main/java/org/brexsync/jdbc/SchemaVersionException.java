package org.brexsync.jdbc;

/**
 * The database holds no brexsync schema (and migrations were not asked for), or a schema of a version
 * this brexsync does not know: one written by a newer release. Nothing is read or written then.
 */
public final class SchemaVersionException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  private final int found;

  /** An exception; {@code found} is the database's schema version, 0 when there is none. */
  public SchemaVersionException(String message, int found) {
    super(message);
    this.found = found;
  }

  /** The schema version found in the database (0: no brexsync schema). */
  public int found() {
    return found;
  }
}
