package org.brexsync.connector.state.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.CRC32C;

/** Writes a {@link BaseFile}: records in strictly increasing id order, then the footer, then fsync. */
final class BaseWriter implements AutoCloseable {
  private final FileChannel ch;
  private final OutputStream out;
  private final CRC32C crc = new CRC32C();
  private long count;
  private byte[] last;
  private final byte[] two = new byte[2];

  BaseWriter(Path file, Optional<Instant> lastRun) throws IOException {
    ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
    ByteBuffer h = ByteBuffer.allocate(BaseFile.HEADER);
    h.put(BaseFile.MAGIC).putInt(BaseFile.VERSION).putInt(0);
    h.putLong(lastRun.map(Instant::getEpochSecond).orElse(0L)).putInt(lastRun.map(Instant::getNano).orElse(0));
    h.putInt(lastRun.isPresent() ? 1 : 0);
    out.write(h.array());
  }

  /** Appends a record; ids must increase strictly. */
  void add(byte[] id, byte[] body) throws IOException {
    if (last != null && Rec.compare(last, id) >= 0) {
      throw new IllegalStateException("sync state records out of order");
    }
    two[0] = (byte) (id.length >>> 8);
    two[1] = (byte) id.length;
    out.write(two);
    crc.update(two);
    out.write(id);
    crc.update(id);
    out.write(body);
    crc.update(body);
    last = id;
    count++;
  }

  long count() {
    return count;
  }

  /** Writes the footer and forces the file to disk. */
  void finish() throws IOException {
    ByteBuffer f = ByteBuffer.allocate(BaseFile.FOOTER);
    f.putLong(count).putInt((int) crc.getValue()).putInt(BaseFile.END_MAGIC);
    out.write(f.array());
    out.flush();
    ch.force(true);
  }

  @Override
  public void close() throws IOException {
    try {
      out.close();
    } finally {
      ch.close();
    }
  }
}
