package org.brexsync.connector.state.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.state.CorruptStateException;

/**
 * The committed state: records sorted by source id in one immutable file, read through a memory
 * mapping with a sparse index (every {@value #INDEX_EVERY}th id) kept in the heap.
 *
 * <pre>
 * header  (32 bytes): "BXSSTATE" | u32 version = 2 | u32 flags = 0 | i64 last run epoch second |
 *                     i32 last run nano | u32 has last run (0/1)
 * records (sorted by source id as unsigned UTF-8 bytes, strictly increasing):
 *                     str id | str fingerprint | str sync key | str target id ("" = none)
 *                     where str = u16 length (big-endian) + UTF-8 bytes
 * footer  (16 bytes): i64 record count | u32 CRC-32C of the records section | "BXSE"
 * </pre>
 *
 * Opening reads the file once to check it (order, lengths, count, checksum) and to build the index:
 * heap use is about {@code records / 64} ids. Not thread-safe.
 */
public final class BaseFile implements AutoCloseable {
  static final byte[] MAGIC = "BXSSTATE".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 2;
  static final int HEADER = 32;
  static final int FOOTER = 16;
  static final int END_MAGIC = 0x42585345; // "BXSE"
  static final int INDEX_EVERY = 64;

  private final Path file;
  private final MappedFile map;
  private final long count;
  private final Optional<Instant> lastRun;
  private final long end;
  private final byte[][] indexIds;
  private final long[] indexPos;
  private boolean closed;

  private BaseFile(Path file, MappedFile map, long count, Optional<Instant> lastRun, long end, byte[][] ids, long[] pos) {
    this.file = file;
    this.map = map;
    this.count = count;
    this.lastRun = lastRun;
    this.end = end;
    this.indexIds = ids;
    this.indexPos = pos;
  }

  /**
   * Opens and checks a base file.
   *
   * @throws CorruptStateException when it is not a complete, well-formed base file
   */
  public static BaseFile open(Path file) throws IOException {
    MappedFile map = new MappedFile(file);
    try {
      return check(file, map);
    } catch (RuntimeException | Error e) {
      map.close();
      throw e;
    }
  }

  private static BaseFile check(Path file, MappedFile map) {
    long size = map.size();
    if (size < HEADER + FOOTER) {
      throw new CorruptStateException(file, size == 0 ? "the file is empty" : "the file is truncated (" + size + " bytes)", null);
    }
    byte[] magic = map.bytes(0, 8);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new CorruptStateException(file, "it does not start with the sync state header", null);
    }
    int version = map.i32(8);
    if (version != VERSION) {
      throw new CorruptStateException(file, "it has format version " + version + "; this version reads " + VERSION, null);
    }
    long sec = map.i64(16);
    int nano = map.i32(24);
    Optional<Instant> lastRun;
    try {
      lastRun = map.i32(28) == 1 ? Optional.of(Instant.ofEpochSecond(sec, nano)) : Optional.empty();
    } catch (java.time.DateTimeException e) {
      throw new CorruptStateException(file, "the header has an unreadable last run", e);
    }
    long end = size - FOOTER;
    if (map.i32(end + 12) != END_MAGIC) {
      throw new CorruptStateException(file, "the file is truncated (no end marker)", null);
    }
    long expected = map.i64(end);
    int crcWanted = map.i32(end + 8);
    CRC32C crc = new CRC32C();
    List<byte[]> ids = new ArrayList<>();
    List<Long> positions = new ArrayList<>();
    long pos = HEADER;
    long n = 0;
    byte[] prev = null;
    while (pos < end) {
      long start = pos;
      int idLen = lengthAt(file, map, pos, end, n);
      if (pos + 2 + idLen > end) {
        throw new CorruptStateException(file, "record " + (n + 1) + " at byte " + start + " is cut off", null);
      }
      byte[] id = map.bytes(pos + 2, idLen);
      pos += 2 + idLen;
      for (int i = 0; i < 3; i++) {
        pos += 2 + lengthAt(file, map, pos, end, n);
        if (pos > end) {
          throw new CorruptStateException(file, "record " + (n + 1) + " at byte " + start + " is cut off", null);
        }
      }
      if (prev != null && Rec.compare(prev, id) >= 0) {
        throw new CorruptStateException(file, "record " + (n + 1) + " at byte " + start + " is out of order", null);
      }
      if (n % INDEX_EVERY == 0) {
        ids.add(id);
        positions.add(start);
      }
      map.update(crc, start, (int) (pos - start));
      prev = id;
      n++;
    }
    if (n != expected) {
      throw new CorruptStateException(file, "it holds " + n + " records, its footer says " + expected, null);
    }
    if ((int) crc.getValue() != crcWanted) {
      throw new CorruptStateException(file, "the records do not match their checksum", null);
    }
    long[] pos2 = new long[positions.size()];
    for (int i = 0; i < pos2.length; i++) {
      pos2[i] = positions.get(i);
    }
    return new BaseFile(file, map, n, lastRun, end, ids.toArray(new byte[0][]), pos2);
  }

  private static int lengthAt(Path file, MappedFile map, long pos, long end, long n) {
    if (pos + 2 > end) {
      throw new CorruptStateException(file, "record " + (n + 1) + " at byte " + pos + " is cut off", null);
    }
    return map.u16(pos);
  }

  /** Records in the file. */
  public long count() {
    return count;
  }

  /** The last successful run the file records. */
  public Optional<Instant> lastRun() {
    return lastRun;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("the sync state file " + file + " is closed");
    }
  }

  /** The state of a source id, if the file holds it. */
  public Optional<RecordState> get(byte[] id) {
    open();
    int lo = 0;
    int hi = indexIds.length - 1;
    int block = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Rec.compare(indexIds[mid], id);
      if (c <= 0) {
        block = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (block < 0) {
      return Optional.empty();
    }
    long pos = indexPos[block];
    for (int i = 0; i < INDEX_EVERY && pos < end; i++) {
      int idLen = map.u16(pos);
      int c = map.compare(pos + 2, idLen, id);
      long body = pos + 2 + idLen;
      long next = skipBody(body);
      if (c == 0) {
        return Optional.of(Rec.state(map.bytes(body, (int) (next - body))));
      }
      if (c > 0) {
        return Optional.empty();
      }
      pos = next;
    }
    return Optional.empty();
  }

  private long skipBody(long pos) {
    for (int i = 0; i < 3; i++) {
      pos += 2 + map.u16(pos);
    }
    return pos;
  }

  /** A cursor over every record in id order. */
  public Cursor cursor() {
    open();
    return new Cursor();
  }

  /** Reads records one after another. */
  public final class Cursor {
    private long pos = HEADER;

    /** The next record (sequence number 0), or null at the end. */
    public Rec next() {
      open();
      if (pos >= end) {
        return null;
      }
      int idLen = map.u16(pos);
      byte[] id = map.bytes(pos + 2, idLen);
      long body = pos + 2 + idLen;
      long next = skipBody(body);
      byte[] b = map.bytes(body, (int) (next - body));
      pos = next;
      return new Rec(id, b, 0);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      map.close();
    }
  }

  /** Deletes a file, ignoring its absence. */
  static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a leftover temporary file is removed at the next open
    }
  }
}
