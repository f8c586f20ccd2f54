package org.brexsync.jdbc;

/**
 * The database holds no brexsync schema (and migrations were not asked for), or a schema of a version
 * this brexsync does not know: one written by a newer release. Nothing is read or written then.
 */
public final class SchemaVersionException extends DatabaseException {
  private static final long serialVersionUID = 1L;

  /** The database's schema version, 0 when there is none. */
  private final int found;

  /**
   * Creates the exception.
   *
   * @param message what was found and what to do about it (migrate, or upgrade brexsync)
   * @param found the database's schema version, 0 when there is none
   */
  public SchemaVersionException(String message, int found) {
    super(message);
    this.found = found;
  }

  /**
   * {@return the schema version found in the database: 0 when there is no brexsync schema, more than
   * {@link BrexsyncSchema#CURRENT_VERSION} when a newer brexsync wrote it}
   */
  public int found() {
    return found;
  }
}
