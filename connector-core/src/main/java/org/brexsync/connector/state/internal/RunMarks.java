package org.brexsync.connector.state.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * The marks of one run, outside the heap: the source ids seen and the sync-key values claimed (with
 * their owner). Each entry is a 128-bit hash in an {@link OffHeapTable} pointing into an append-only
 * log of the exact bytes, so a hash collision never makes two different ids or keys equal. Heap use
 * is one small write buffer. Scratch files are deleted by {@link #close()}.
 */
public final class RunMarks implements AutoCloseable {
  private static final long SEEN_SEED = 0x5EE7L;
  private static final long KEY_SEED = 0x6B3EL;
  private static final long TARGET_SEED = 0x7A26L;
  /** The longest id, key or owner a mark holds, in UTF-8 bytes (its length is an unsigned 16-bit number). */
  static final int MAX_ENTRY = 0xFFFF;

  private final OffHeapTable seen;
  private final OffHeapTable keys;
  private OffHeapTable targets;
  private final Path scratch;
  private final Path logFile;
  private final FileChannel log;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);
  private long flushed;
  /** The log mapped for reading, up to {@link #readMapEnd} (entries never change once written). */
  private MappedFile readMap;
  private long readMapEnd;
  private final long[] h = new long[2];

  /** Marks kept in scratch files under {@code scratch}, sized for about {@code expected} records. */
  public RunMarks(Path scratch, long expected) throws IOException {
    OffHeapTable s = null;
    OffHeapTable k = null;
    try {
      s = new OffHeapTable(scratch, expected * 2);
      k = new OffHeapTable(scratch, expected * 2);
      logFile = Files.createTempFile(scratch, "marks-log-", ".tmp");
      try {
        log = FileChannel.open(logFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
      } catch (IOException | RuntimeException e) {
        BaseFile.deleteQuietly(logFile);
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      if (s != null) {
        s.close();
      }
      if (k != null) {
        k.close();
      }
      throw e;
    }
    this.seen = s;
    this.keys = k;
    this.scratch = scratch;
  }

  /** Remembers a key the target system holds. */
  public void markTarget(String key) throws IOException {
    if (targets == null) {
      targets = new OffHeapTable(scratch, 1024);
    }
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    if (!contains(targets, k, TARGET_SEED)) {
      targets.insert(h[0], h[1], append(k, null));
    }
  }

  /** Whether a key was remembered as held by the target system. */
  public boolean isTarget(String key) throws IOException {
    return targets != null && contains(targets, key.getBytes(StandardCharsets.UTF_8), TARGET_SEED);
  }

  /** Whether {@code table} holds {@code bytes}; leaves their hash in {@link #h}. */
  private boolean contains(OffHeapTable table, byte[] bytes, long seed) throws IOException {
    Murmur3.hash128(bytes, seed, h);
    fixZero();
    for (long s = table.firstSlot(h[0]); !table.isFree(s); s = table.nextSlot(s)) {
      if (table.hashIs(s, h[0], h[1]) && Arrays.equals(entry(table.value(s))[0], bytes)) {
        return true;
      }
    }
    return false;
  }

  /** Marks an id seen; returns false when it was marked before. */
  public boolean markSeen(String sourceId) throws IOException {
    byte[] id = sourceId.getBytes(StandardCharsets.UTF_8);
    Murmur3.hash128(id, SEEN_SEED, h);
    fixZero();
    for (long s = seen.firstSlot(h[0]); !seen.isFree(s); s = seen.nextSlot(s)) {
      if (seen.hashIs(s, h[0], h[1]) && Arrays.equals(entry(seen.value(s))[0], id)) {
        return false;
      }
    }
    seen.insert(h[0], h[1], append(id, null));
    return true;
  }

  /**
   * Whether an id was marked seen. Called for every known record by the pass over the state once the
   * run stopped marking, so it reads the log through a memory mapping rather than a call per entry.
   */
  public boolean isSeen(byte[] id) throws IOException {
    readable();
    Murmur3.hash128(id, SEEN_SEED, h);
    fixZero();
    for (long s = seen.firstSlot(h[0]); !seen.isFree(s); s = seen.nextSlot(s)) {
      if (seen.hashIs(s, h[0], h[1]) && Arrays.equals(entry(seen.value(s))[0], id)) {
        return true;
      }
    }
    return false;
  }

  /** Claims a key for an owner; returns the earlier owner when another id claimed it first. */
  public Optional<String> claim(String key, String owner) throws IOException {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    Murmur3.hash128(k, KEY_SEED, h);
    fixZero();
    for (long s = keys.firstSlot(h[0]); !keys.isFree(s); s = keys.nextSlot(s)) {
      if (keys.hashIs(s, h[0], h[1])) {
        byte[][] e = entry(keys.value(s));
        if (Arrays.equals(e[0], k)) {
          String first = new String(e[1], StandardCharsets.UTF_8);
          return first.equals(owner) ? Optional.empty() : Optional.of(first);
        }
      }
    }
    keys.insert(h[0], h[1], append(k, owner.getBytes(StandardCharsets.UTF_8)));
    return Optional.empty();
  }

  /** Ids marked seen. */
  public long seenCount() {
    return seen.size();
  }

  private void fixZero() {
    if (h[0] == 0 && h[1] == 0) {
      h[1] = 1; // (0, 0) marks a free slot
    }
  }

  /** Appends (a, b) to the log; returns its offset. */
  private long append(byte[] a, byte[] b) throws IOException {
    if (a.length > MAX_ENTRY || (b != null && b.length > MAX_ENTRY)) {
      // Lengths are stored in two bytes: a longer value would be cut and could never match again
      // (an id that never reads as seen is a person "gone from Brex").
      throw new IOException("a run mark of more than " + MAX_ENTRY + " bytes (" + Math.max(a.length, b == null ? 0 : b.length) + ")");
    }
    int need = 4 + a.length + (b == null ? 0 : b.length);
    if (buf.remaining() < need) {
      drain();
    }
    long offset = flushed + buf.position();
    if (need > buf.capacity()) {
      ByteBuffer big = ByteBuffer.allocate(need);
      writeEntry(big, a, b);
      big.flip();
      while (big.hasRemaining()) {
        log.write(big, flushed + big.position());
      }
      flushed += need;
      return offset;
    }
    writeEntry(buf, a, b);
    return offset;
  }

  private static void writeEntry(ByteBuffer to, byte[] a, byte[] b) {
    to.putShort((short) a.length).put(a);
    to.putShort((short) (b == null ? 0 : b.length));
    if (b != null) {
      to.put(b);
    }
  }

  private void drain() throws IOException {
    buf.flip();
    long at = flushed;
    while (buf.hasRemaining()) {
      at += log.write(buf, at);
    }
    flushed = at;
    buf.clear();
  }

  /**
   * Maps the log for reading when it has grown since it was last mapped. Entries appended later are
   * still read from the write buffer or the channel by {@link #entry}.
   */
  private void readable() throws IOException {
    long end = flushed + buf.position();
    if (readMap != null && readMapEnd == end) {
      return;
    }
    drain();
    if (readMap != null) {
      readMap.close();
      readMap = null;
    }
    if (flushed > 0) {
      readMap = new MappedFile(logFile);
      readMapEnd = flushed;
    }
  }

  /** The two byte strings at a log offset: from the mapping, the write buffer or the file. */
  private byte[][] entry(long offset) throws IOException {
    if (readMap != null && offset < readMapEnd) {
      byte[] a = readMap.bytes(offset + 2, readMap.u16(offset));
      long q = offset + 2 + a.length;
      byte[] b = readMap.bytes(q + 2, readMap.u16(q));
      return new byte[][] {a, b};
    }
    if (offset >= flushed) {
      int p = (int) (offset - flushed);
      byte[] a = new byte[buf.getShort(p) & 0xFFFF];
      buf.get(p + 2, a);
      int q = p + 2 + a.length;
      byte[] b = new byte[buf.getShort(q) & 0xFFFF];
      buf.get(q + 2, b);
      return new byte[][] {a, b};
    }
    ByteBuffer len = ByteBuffer.allocate(2);
    readFully(len, offset);
    byte[] a = new byte[len.getShort(0) & 0xFFFF];
    readFully(ByteBuffer.wrap(a), offset + 2);
    len.clear();
    readFully(len, offset + 2 + a.length);
    byte[] b = new byte[len.getShort(0) & 0xFFFF];
    readFully(ByteBuffer.wrap(b), offset + 4 + a.length);
    return new byte[][] {a, b};
  }

  private void readFully(ByteBuffer b, long pos) throws IOException {
    while (b.hasRemaining()) {
      if (log.read(b, pos + b.position()) < 0) {
        throw new java.io.EOFException("run marks log");
      }
    }
  }

  @Override
  public void close() {
    if (readMap != null) {
      readMap.close();
      readMap = null;
    }
    seen.close();
    keys.close();
    if (targets != null) {
      targets.close();
    }
    try {
      log.close();
    } catch (IOException e) {
      // deleted next
    }
    BaseFile.deleteQuietly(logFile);
  }
}
