package org.brexsync.connector.state.internal;

import org.brexsync.connector.port.RecordState;

/** Reads a {@link Rec} for the store in {@code connector.state}. */
public final class Records {
  private Records() {}

  /** The source id as UTF-8 bytes (not a copy: do not change). */
  public static byte[] id(Rec r) {
    return r.id;
  }

  /** The source id. */
  public static String idText(Rec r) {
    return r.idText();
  }

  /** The state of a put record. */
  public static RecordState state(Rec r) {
    return Rec.state(r.body);
  }
}
