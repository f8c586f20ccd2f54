package org.brexsync.jdbc.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.brexsync.jdbc.DatabaseException;

/** SQL helpers: typed errors that say what failed and never carry a credential. Not API. */
public final class Sql {
  private Sql() {}

  /** {@code what} failed: a {@link DatabaseException} naming the operation and the server's answer. */
  public static DatabaseException error(String what, SQLException e) {
    String state = e.getSQLState();
    String message = String.valueOf(e.getMessage());
    String kind;
    if (state != null && state.startsWith("08")) {
      kind = "the database connection failed or was lost";
    } else if (state != null && (state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) {
      kind = "the database server shut down or terminated the connection";
    } else if (state != null && state.startsWith("28")) {
      kind = "the database refused the credentials";
    } else {
      kind = "the database answered with an error";
    }
    return new DatabaseException(what + ": " + kind + ": " + message + (state == null ? "" : " (SQLState " + state + ")"), e);
  }

  /** Whether the failure is a lost connection (class 08, or the server shut it down: 57P01-57P03). */
  public static boolean isConnectionLoss(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
  }

  /** A {@code text[]} parameter. */
  public static Array texts(Connection c, Collection<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray(new String[0]));
  }

  /** Rolls back quietly (the connection may be gone; the transaction is lost either way). */
  public static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException | RuntimeException ignored) {
      // nothing to save: the error that brought us here is the one reported
    }
  }
}
