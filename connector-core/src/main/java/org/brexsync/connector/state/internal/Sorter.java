package org.brexsync.connector.state.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * An external sort of operations by source id where the latest operation of an id wins: operations
 * are collected up to a heap budget, sorted, reduced to the last one per id and spilled to a run
 * file; {@link #finish()} merges the runs. Heap use is bounded by the budget whatever the number of
 * operations. Temporary files go to a scratch directory and are deleted by {@link #close()}.
 */
public final class Sorter implements AutoCloseable {
  private static final Comparator<Rec> ORDER = (a, b) -> {
    int c = Rec.compare(a.id, b.id);
    return c != 0 ? c : Long.compare(a.seq, b.seq);
  };

  private final Path scratch;
  private final long budget;
  private final List<Rec> buffer = new ArrayList<>();
  private long buffered;
  private final List<Path> runs = new ArrayList<>();
  private final List<DataInputStream> open = new ArrayList<>();

  /** A sorter spilling to {@code scratch} beyond {@code budgetBytes} of buffered operations. */
  public Sorter(Path scratch, long budgetBytes) {
    this.scratch = scratch;
    this.budget = budgetBytes;
  }

  /** Adds an operation. */
  public void add(Rec r) throws IOException {
    buffer.add(r);
    buffered += r.weight();
    if (buffered >= budget) {
      spill();
    }
  }

  private List<Rec> sortedLatest() {
    buffer.sort(ORDER);
    List<Rec> out = new ArrayList<>(buffer.size());
    for (int i = 0; i < buffer.size(); i++) {
      Rec r = buffer.get(i);
      if (i + 1 < buffer.size() && Rec.compare(buffer.get(i + 1).id, r.id) == 0) {
        continue; // a later operation of the same id follows
      }
      out.add(r);
    }
    buffer.clear();
    buffered = 0;
    return out;
  }

  private void spill() throws IOException {
    List<Rec> sorted = sortedLatest();
    Path run = Files.createTempFile(scratch, "sort-", ".tmp");
    runs.add(run);
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
      for (Rec r : sorted) {
        out.writeShort(r.id.length);
        out.write(r.id);
        out.writeLong(r.seq);
        out.writeInt(r.body == null ? -1 : r.body.length);
        if (r.body != null) {
          out.write(r.body);
        }
      }
    }
  }

  /** The operations in id order, one (the latest) per id. Call once, after the last {@link #add}. */
  public Source finish() throws IOException {
    if (runs.isEmpty()) {
      List<Rec> sorted = sortedLatest();
      java.util.Iterator<Rec> it = sorted.iterator();
      return () -> it.hasNext() ? it.next() : null;
    }
    if (!buffer.isEmpty()) {
      spill();
    }
    PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> ORDER.compare(a.rec, b.rec));
    for (Path run : runs) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 15));
      open.add(in);
      Rec first = readRec(in);
      if (first != null) {
        heads.add(new Head(in, first));
      }
    }
    return () -> {
      Rec latest = null;
      while (!heads.isEmpty() && (latest == null || Rec.compare(heads.peek().rec.id, latest.id) == 0)) {
        Head h = heads.poll();
        if (latest == null || h.rec.seq > latest.seq) {
          latest = h.rec;
        }
        Rec next = readRec(h.in);
        if (next != null) {
          heads.add(new Head(h.in, next));
        }
      }
      return latest;
    };
  }

  private static Rec readRec(DataInputStream in) throws IOException {
    int idLen;
    try {
      idLen = in.readUnsignedShort();
    } catch (EOFException e) {
      return null;
    }
    byte[] id = new byte[idLen];
    in.readFully(id);
    long seq = in.readLong();
    int bodyLen = in.readInt();
    byte[] body = null;
    if (bodyLen >= 0) {
      body = new byte[bodyLen];
      in.readFully(body);
    }
    return new Rec(id, body, seq);
  }

  private static final class Head {
    final DataInputStream in;
    final Rec rec;

    Head(DataInputStream in, Rec rec) {
      this.in = in;
      this.rec = rec;
    }
  }

  /** A stream of records; {@code null} at the end. */
  @FunctionalInterface
  public interface Source {
    /** The next record, or null. */
    Rec next() throws IOException;
  }

  @Override
  public void close() {
    for (DataInputStream in : open) {
      try {
        in.close();
      } catch (IOException e) {
        // deleting follows
      }
    }
    open.clear();
    for (Path run : runs) {
      BaseFile.deleteQuietly(run);
    }
    runs.clear();
    buffer.clear();
  }
}
