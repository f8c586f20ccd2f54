package org.brexsync.connector.state.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.state.CorruptStateException;

/**
 * The run journal: puts and removes appended in frames, each frame made durable at once
 * ({@link #flush()}, after every batch). A crash can tear only the last frame, which a reader ignores;
 * a damaged frame before the last is corruption.
 *
 * <pre>
 * file   : "BXSJRNL2" then frames
 * frame  : u32 payload length | u32 CRC-32C of the payload | payload
 * payload: operations, each 'P' str id str fingerprint str sync key str target id, or 'D' str id
 * </pre>
 */
public final class Journal implements AutoCloseable {
  static final byte[] MAGIC = "BXSJRNL2".getBytes(StandardCharsets.US_ASCII);

  private final Path file;
  private FileChannel ch;
  private byte[] pending = new byte[1 << 12];
  private int size;

  /** A journal appending to {@code file} (created on the first flush). */
  public Journal(Path file) {
    this.file = file;
  }

  /** Buffers a put. */
  public void put(String sourceId, RecordState state) {
    byte[] id = Rec.utf8(sourceId);
    byte[] body = Rec.body(state);
    ensure(3 + id.length + body.length);
    pending[size++] = 'P';
    size = Rec.putString(pending, size, id);
    System.arraycopy(body, 0, pending, size, body.length);
    size += body.length;
  }

  /** Buffers a removal. */
  public void remove(String sourceId) {
    byte[] id = Rec.utf8(sourceId);
    ensure(3 + id.length);
    pending[size++] = 'D';
    size = Rec.putString(pending, size, id);
  }

  private void ensure(int more) {
    if (size + more > pending.length) {
      pending = java.util.Arrays.copyOf(pending, Math.max(pending.length * 2, size + more));
    }
  }

  /** Whether operations are buffered but not flushed. */
  public boolean hasPending() {
    return size > 0;
  }

  /** Appends the buffered operations as one frame and forces it to disk. */
  public void flush() throws IOException {
    if (size == 0) {
      return;
    }
    if (ch == null) {
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      if (fresh) {
        writeFully(ByteBuffer.wrap(MAGIC));
      }
    }
    CRC32C crc = new CRC32C();
    crc.update(pending, 0, size);
    ByteBuffer head = ByteBuffer.allocate(8).putInt(size).putInt((int) crc.getValue());
    head.flip();
    writeFully(head);
    writeFully(ByteBuffer.wrap(pending, 0, size));
    ch.force(false);
    size = 0;
    if (pending.length > 1 << 20) {
      pending = new byte[1 << 12];
    }
  }

  private void writeFully(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  @Override
  public void close() throws IOException {
    if (ch != null) {
      ch.close();
      ch = null;
    }
  }

  /**
   * Reads every operation of a journal file in order into {@code sink}, numbering them from
   * {@code firstSeq}; returns the next sequence number. A torn last frame is ignored.
   *
   * @throws CorruptStateException when a frame before the last is damaged
   */
  public static long read(Path file, Sorter sink, long firstSeq) throws IOException {
    long seq = firstSeq;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0) {
        return seq;
      }
      if (size < MAGIC.length) {
        return seq; // torn before the first frame: nothing was confirmed
      }
      ByteBuffer magic = ByteBuffer.allocate(MAGIC.length);
      readFully(ch, magic, 0);
      if (!java.util.Arrays.equals(magic.array(), MAGIC)) {
        throw new CorruptStateException(file, "it does not start with the journal header", null);
      }
      long pos = MAGIC.length;
      int frame = 0;
      ByteBuffer head = ByteBuffer.allocate(8);
      while (pos < size) {
        frame++;
        if (pos + 8 > size) {
          break; // torn frame header: the last batch was never confirmed
        }
        head.clear();
        readFully(ch, head, pos);
        head.flip();
        int len = head.getInt();
        int want = head.getInt();
        if (len < 0 || pos + 8 + len > size) {
          if (len >= 0 && pos + 8 + len > size) {
            break; // torn last frame
          }
          throw new CorruptStateException(file, "frame " + frame + " at byte " + pos + " has a bad length", null);
        }
        ByteBuffer payload = ByteBuffer.allocate(len);
        readFully(ch, payload, pos + 8);
        CRC32C crc = new CRC32C();
        crc.update(payload.array(), 0, len);
        if ((int) crc.getValue() != want) {
          if (pos + 8 + len == size) {
            break; // the torn last frame of a crashed run
          }
          throw new CorruptStateException(file, "frame " + frame + " at byte " + pos + " does not match its checksum", null);
        }
        seq = decode(file, frame, payload.array(), sink, seq);
        pos += 8 + len;
      }
    }
    return seq;
  }

  private static long decode(Path file, int frame, byte[] b, Sorter sink, long seq) throws IOException {
    int p = 0;
    while (p < b.length) {
      byte op = b[p++];
      if (op != 'P' && op != 'D' || p + 2 > b.length) {
        throw new CorruptStateException(file, "frame " + frame + " holds an unknown operation", null);
      }
      int idLen = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
      if (p + 2 + idLen > b.length) {
        throw new CorruptStateException(file, "frame " + frame + " is cut off", null);
      }
      byte[] id = java.util.Arrays.copyOfRange(b, p + 2, p + 2 + idLen);
      p += 2 + idLen;
      byte[] body = null;
      if (op == 'P') {
        int start = p;
        for (int i = 0; i < 3; i++) {
          if (p + 2 > b.length) {
            throw new CorruptStateException(file, "frame " + frame + " is cut off", null);
          }
          p += 2 + (((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF));
        }
        if (p > b.length) {
          throw new CorruptStateException(file, "frame " + frame + " is cut off", null);
        }
        body = java.util.Arrays.copyOfRange(b, start, p);
      }
      sink.add(new Rec(id, body, seq++));
    }
    return seq;
  }

  private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
    while (b.hasRemaining()) {
      int n = ch.read(b, pos + b.position());
      if (n < 0) {
        throw new java.io.EOFException();
      }
    }
  }
}
