package org.brexsync.connector.state.internal;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only file mapped into memory (outside the heap) in segments of 1 GiB that overlap by more
 * than the largest record, so every record can be read from one segment.
 */
final class MappedFile implements AutoCloseable {
  private static final long SEGMENT = 1L << 30;
  private static final long OVERLAP = 1L << 19;

  private final MappedByteBuffer[] segments;
  private final long size;

  MappedFile(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      size = ch.size();
      int n = (int) Math.max(1, (size + SEGMENT - 1) / SEGMENT);
      segments = new MappedByteBuffer[n];
      for (int i = 0; i < n; i++) {
        long from = i * SEGMENT;
        long len = Math.min(size - from, SEGMENT + OVERLAP);
        segments[i] = ch.map(FileChannel.MapMode.READ_ONLY, from, Math.max(0, len));
      }
    }
  }

  long size() {
    return size;
  }

  private MappedByteBuffer seg(long pos) {
    return segments[(int) (pos / SEGMENT)];
  }

  private static int off(long pos) {
    return (int) (pos % SEGMENT);
  }

  int u16(long pos) {
    MappedByteBuffer b = seg(pos);
    int o = off(pos);
    return ((b.get(o) & 0xFF) << 8) | (b.get(o + 1) & 0xFF);
  }

  int i32(long pos) {
    return seg(pos).getInt(off(pos));
  }

  long i64(long pos) {
    return seg(pos).getLong(off(pos));
  }

  /** Copies {@code len} bytes at {@code pos}; the range must lie within one record. */
  void get(long pos, byte[] dst, int dstOff, int len) {
    seg(pos).get(off(pos), dst, dstOff, len);
  }

  byte[] bytes(long pos, int len) {
    byte[] b = new byte[len];
    get(pos, b, 0, len);
    return b;
  }

  /** Compares the bytes at {@code pos} (length {@code len}) with {@code key}, unsigned. */
  int compare(long pos, int len, byte[] key) {
    MappedByteBuffer b = seg(pos);
    int o = off(pos);
    int n = Math.min(len, key.length);
    for (int i = 0; i < n; i++) {
      int c = (b.get(o + i) & 0xFF) - (key[i] & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return len - key.length;
  }

  /** Updates {@code crc} with {@code len} bytes at {@code pos} (within one segment's reach). */
  void update(java.util.zip.Checksum crc, long pos, int len) {
    java.nio.ByteBuffer dup = seg(pos).duplicate();
    dup.position(off(pos)).limit(off(pos) + len);
    crc.update(dup);
  }

  @Override
  public void close() {
    for (MappedByteBuffer b : segments) {
      Unmapper.unmap(b);
    }
  }
}
