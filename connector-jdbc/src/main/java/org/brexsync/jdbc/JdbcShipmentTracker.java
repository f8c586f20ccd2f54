package org.brexsync.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.brexsync.connector.insight.ShipmentTracker;
import org.brexsync.jdbc.internal.Sql;

/**
 * Insight's {@link ShipmentTracker} in table {@code brexsync_shipment}, one namespace per tracker (e.g.
 * per integration), so every worker sees since when a card has been SHIPPED. Each call is one
 * statement, written at once (so {@link #flush()} has nothing left to do); only SHIPPED cards are
 * stored. Thread-safe.
 */
public final class JdbcShipmentTracker implements ShipmentTracker {
  private final DataSource dataSource;
  private final String namespace;

  private JdbcShipmentTracker(DataSource dataSource, String namespace) {
    this.dataSource = dataSource;
    this.namespace = namespace;
  }

  /**
   * Creates a tracker; it holds no connection, each call takes one from the data source.
   *
   * @param dataSource the database, whose schema is at {@link BrexsyncSchema#CURRENT_VERSION}
   * @param namespace whose shipments these are, usually the integration's name: two namespaces
   *     never see each other's shipments
   * @return the tracker
   */
  public static JdbcShipmentTracker create(DataSource dataSource, String namespace) {
    return new JdbcShipmentTracker(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(namespace, "namespace"));
  }

  @Override
  public Instant shippedSince(String cardId, Instant now) {
    // The first sighting wins, also between two workers racing on the same card.
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "WITH ins AS (INSERT INTO brexsync_shipment (namespace, card_id, shipped_since) VALUES (?, ?, ?) "
            + "ON CONFLICT DO NOTHING RETURNING shipped_since) "
            + "SELECT shipped_since FROM ins UNION ALL "
            + "SELECT shipped_since FROM brexsync_shipment WHERE namespace = ? AND card_id = ? LIMIT 1")) {
      p.setString(1, namespace);
      p.setString(2, cardId);
      p.setTimestamp(3, Timestamp.from(now));
      p.setString(4, namespace);
      p.setString(5, cardId);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getTimestamp(1).toInstant() : now;
      }
    } catch (SQLException e) {
      throw Sql.error("recording a shipped card in '" + namespace + "'", e);
    }
  }

  @Override
  public void notShipped(String cardId) {
    try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
        "DELETE FROM brexsync_shipment WHERE namespace = ? AND card_id = ?")) {
      p.setString(1, namespace);
      p.setString(2, cardId);
      p.executeUpdate();
    } catch (SQLException e) {
      throw Sql.error("forgetting a shipped card in '" + namespace + "'", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcShipmentTracker{" + namespace + "}";
  }
}
