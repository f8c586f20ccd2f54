package org.brexsync.connector.state.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.brexsync.connector.port.RecordState;
import org.brexsync.connector.port.StateStoreException;

/**
 * One record or one journal operation in its encoded form: the source id as UTF-8 bytes (the sort
 * key) and the encoded state ({@code null} for a removal). Strings are stored as an unsigned 16-bit
 * length and UTF-8 bytes; a state is fingerprint, sync key, target id (empty = none).
 */
public final class Rec {
  /** Longest encodable string, in UTF-8 bytes. */
  public static final int MAX_STRING = 0xFFFF;

  final byte[] id;
  /** Fingerprint, sync key and target id, encoded; null when the record is removed. */
  final byte[] body;
  /** Position in the operation stream (later wins). */
  final long seq;

  Rec(byte[] id, byte[] body, long seq) {
    this.id = id;
    this.body = body;
    this.seq = seq;
  }

  /** Approximate heap size, for spill decisions. */
  int weight() {
    return 64 + id.length + (body == null ? 0 : body.length);
  }

  static byte[] utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > MAX_STRING) {
      throw new StateStoreException("a sync state value is longer than " + MAX_STRING + " bytes (" + b.length + ")");
    }
    return b;
  }

  /** Encodes a state. */
  static byte[] body(RecordState s) {
    byte[] fp = utf8(s.fingerprint());
    byte[] key = utf8(s.syncKey());
    byte[] target = utf8(s.targetId().orElse(""));
    byte[] out = new byte[6 + fp.length + key.length + target.length];
    int p = putString(out, 0, fp);
    p = putString(out, p, key);
    putString(out, p, target);
    return out;
  }

  static int putString(byte[] out, int p, byte[] s) {
    out[p] = (byte) (s.length >>> 8);
    out[p + 1] = (byte) s.length;
    System.arraycopy(s, 0, out, p + 2, s.length);
    return p + 2 + s.length;
  }

  /** Decodes a state encoded by {@link #body}. */
  static RecordState state(byte[] body) {
    int[] p = {0};
    String fp = string(body, p);
    String key = string(body, p);
    String target = string(body, p);
    return RecordState.of(fp, key, target.isEmpty() ? Optional.empty() : Optional.of(target));
  }

  private static String string(byte[] b, int[] p) {
    int len = ((b[p[0]] & 0xFF) << 8) | (b[p[0] + 1] & 0xFF);
    String s = new String(b, p[0] + 2, len, StandardCharsets.UTF_8);
    p[0] += 2 + len;
    return s;
  }

  /** Source ids compare as unsigned UTF-8 bytes (code point order). */
  static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  String idText() {
    return new String(id, StandardCharsets.UTF_8);
  }
}
