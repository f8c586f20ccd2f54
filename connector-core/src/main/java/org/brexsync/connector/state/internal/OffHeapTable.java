package org.brexsync.connector.state.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An open-addressing hash table of (128-bit hash → long value) in a memory-mapped scratch file, so it
 * costs no heap however many entries it holds. Slots are 24 bytes; the table doubles at half load.
 * Equal hashes are only candidates: the caller confirms a match (see {@link RunMarks}).
 */
final class OffHeapTable implements AutoCloseable {
  private static final int SLOT = 24;
  private static final int SLOTS_PER_SEGMENT = 1 << 25;

  private final Path scratch;
  private Path file;
  private MappedByteBuffer[] segments;
  private long capacity;
  private long size;

  OffHeapTable(Path scratch, long initialCapacity) throws IOException {
    this.scratch = scratch;
    long cap = Long.highestOneBit(Math.max(1024, initialCapacity) - 1) << 1;
    allocate(cap);
  }

  private void allocate(long cap) throws IOException {
    Path f = Files.createTempFile(scratch, "marks-", ".tmp");
    int n = (int) ((cap + SLOTS_PER_SEGMENT - 1) / SLOTS_PER_SEGMENT);
    MappedByteBuffer[] segs = new MappedByteBuffer[n];
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(cap * SLOT);
      FileChannel ch = raf.getChannel();
      for (int i = 0; i < n; i++) {
        long from = (long) i * SLOTS_PER_SEGMENT * SLOT;
        long len = Math.min(cap - (long) i * SLOTS_PER_SEGMENT, SLOTS_PER_SEGMENT) * SLOT;
        segs[i] = ch.map(FileChannel.MapMode.READ_WRITE, from, len);
      }
    } catch (IOException | RuntimeException e) {
      // e.g. the disk is full: no scratch file of a table that never existed stays behind
      for (MappedByteBuffer b : segs) {
        Unmapper.unmap(b);
      }
      BaseFile.deleteQuietly(f);
      throw e;
    }
    this.file = f;
    this.segments = segs;
    this.capacity = cap;
  }

  long size() {
    return size;
  }

  private MappedByteBuffer seg(long slot) {
    return segments[(int) (slot / SLOTS_PER_SEGMENT)];
  }

  private static int off(long slot) {
    return (int) (slot % SLOTS_PER_SEGMENT) * SLOT;
  }

  /** A probe sequence over the slots whose hash is ({@code h1}, {@code h2}), then the free slot. */
  long firstSlot(long h1) {
    return (h1 ^ (h1 >>> 29)) & (capacity - 1);
  }

  long nextSlot(long slot) {
    return (slot + 1) & (capacity - 1);
  }

  boolean isFree(long slot) {
    MappedByteBuffer b = seg(slot);
    int o = off(slot);
    return b.getLong(o) == 0 && b.getLong(o + 8) == 0;
  }

  boolean hashIs(long slot, long h1, long h2) {
    MappedByteBuffer b = seg(slot);
    int o = off(slot);
    return b.getLong(o) == h1 && b.getLong(o + 8) == h2;
  }

  long value(long slot) {
    return seg(slot).getLong(off(slot) + 16);
  }

  /** Stores an entry in a free slot found by probing; grows the table first when half full. */
  void insert(long h1, long h2, long value) throws IOException {
    if ((size + 1) * 2 > capacity) {
      grow();
    }
    long s = firstSlot(h1);
    while (!isFree(s)) {
      s = nextSlot(s);
    }
    put(s, h1, h2, value);
    size++;
  }

  private void put(long slot, long h1, long h2, long value) {
    MappedByteBuffer b = seg(slot);
    int o = off(slot);
    b.putLong(o, h1);
    b.putLong(o + 8, h2);
    b.putLong(o + 16, value);
  }

  private void grow() throws IOException {
    MappedByteBuffer[] old = segments;
    long oldCap = capacity;
    Path oldFile = file;
    allocate(capacity * 2);
    for (long s = 0; s < oldCap; s++) {
      MappedByteBuffer b = old[(int) (s / SLOTS_PER_SEGMENT)];
      int o = off(s);
      long h1 = b.getLong(o);
      long h2 = b.getLong(o + 8);
      if (h1 != 0 || h2 != 0) {
        long t = firstSlot(h1);
        while (!isFree(t)) {
          t = nextSlot(t);
        }
        put(t, h1, h2, b.getLong(o + 16));
      }
    }
    for (MappedByteBuffer b : old) {
      Unmapper.unmap(b);
    }
    BaseFile.deleteQuietly(oldFile);
  }

  @Override
  public void close() {
    if (segments != null) {
      for (MappedByteBuffer b : segments) {
        Unmapper.unmap(b);
      }
      segments = null;
      BaseFile.deleteQuietly(file);
    }
  }
}
