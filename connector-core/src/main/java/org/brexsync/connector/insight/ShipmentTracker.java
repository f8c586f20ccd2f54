package org.brexsync.connector.insight;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers since when each physical card has been seen in status {@code SHIPPED}. Brex cards carry
 * no shipping date, so "shipped for long" is measured from the first snapshot that saw the card
 * SHIPPED; run snapshots regularly (e.g. with the sync schedule) and keep the tracker in a file.
 * Thread-safe.
 */
public interface ShipmentTracker {

  /**
   * {@return when the card was first seen SHIPPED; records {@code now} on first sight}
   *
   * @param cardId the card id
   * @param now the now
   */
  Instant shippedSince(String cardId, Instant now);

  /**
   * The card is no longer SHIPPED (activated, locked or terminated): forget it.
   *
   * @param cardId the card id
   */
  void notShipped(String cardId);

  /** Persists what was learned (no-op for the in-memory tracker). */
  default void flush() {}

  /** {@return a tracker that lives as long as the object (tests, one-off runs)} */
  static ShipmentTracker inMemory() {
    return backedBy(new ConcurrentHashMap<>(), () -> {});
  }

  /**
   * {@return a tracker kept in a properties file ({@code cardId=ISO instant}), read now and rewritten
   * atomically on {@link #flush()}} Only SHIPPED cards are stored, so the file stays small.
   *
   * @param path the path
   */
  static ShipmentTracker file(Path path) {
    Objects.requireNonNull(path, "path");
    Map<String, Instant> seen = new ConcurrentHashMap<>();
    if (Files.exists(path)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read shipment tracker " + path, e);
      }
      p.forEach((k, v) -> seen.put(k.toString(), Instant.parse(v.toString())));
    }
    return backedBy(seen, () -> {
      try {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "shipments", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          for (Map.Entry<String, Instant> e : new TreeMap<>(seen).entrySet()) {
            w.write(e.getKey() + "=" + e.getValue() + "\n");
          }
        }
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write shipment tracker " + path, e);
      }
    });
  }

  /**
   * The one tracker both factories return: {@code seen} is the state, {@code persist} runs on
   * {@link #flush()}, one flush at a time.
   */
  private static ShipmentTracker backedBy(Map<String, Instant> seen, Runnable persist) {
    return new ShipmentTracker() {
      @Override
      public Instant shippedSince(String cardId, Instant now) {
        return seen.computeIfAbsent(cardId, k -> now);
      }

      @Override
      public void notShipped(String cardId) {
        seen.remove(cardId);
      }

      @Override
      public synchronized void flush() {
        persist.run();
      }
    };
  }
}
