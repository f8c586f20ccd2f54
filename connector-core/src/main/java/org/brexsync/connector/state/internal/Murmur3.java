package org.brexsync.connector.state.internal;

/** MurmurHash3 x64 128-bit (Austin Appleby's public-domain algorithm), over a byte array. */
final class Murmur3 {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private Murmur3() {}

  /** The two 64-bit halves of the hash of {@code data}, written to {@code out[0]} and {@code out[1]}. */
  static void hash128(byte[] data, long seed, long[] out) {
    int len = data.length;
    long h1 = seed;
    long h2 = seed;
    int blocks = len / 16;
    for (int i = 0; i < blocks; i++) {
      long k1 = getLong(data, i * 16);
      long k2 = getLong(data, i * 16 + 8);
      k1 *= C1;
      k1 = Long.rotateLeft(k1, 31);
      k1 *= C2;
      h1 ^= k1;
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      k2 *= C2;
      k2 = Long.rotateLeft(k2, 33);
      k2 *= C1;
      h2 ^= k2;
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    long k1 = 0;
    long k2 = 0;
    int t = blocks * 16;
    switch (len & 15) {
      case 15: k2 ^= (long) (data[t + 14] & 0xff) << 48; // fall through
      case 14: k2 ^= (long) (data[t + 13] & 0xff) << 40; // fall through
      case 13: k2 ^= (long) (data[t + 12] & 0xff) << 32; // fall through
      case 12: k2 ^= (long) (data[t + 11] & 0xff) << 24; // fall through
      case 11: k2 ^= (long) (data[t + 10] & 0xff) << 16; // fall through
      case 10: k2 ^= (long) (data[t + 9] & 0xff) << 8; // fall through
      case 9:
        k2 ^= data[t + 8] & 0xff;
        k2 *= C2;
        k2 = Long.rotateLeft(k2, 33);
        k2 *= C1;
        h2 ^= k2;
        // fall through
      case 8: k1 ^= (long) (data[t + 7] & 0xff) << 56; // fall through
      case 7: k1 ^= (long) (data[t + 6] & 0xff) << 48; // fall through
      case 6: k1 ^= (long) (data[t + 5] & 0xff) << 40; // fall through
      case 5: k1 ^= (long) (data[t + 4] & 0xff) << 32; // fall through
      case 4: k1 ^= (long) (data[t + 3] & 0xff) << 24; // fall through
      case 3: k1 ^= (long) (data[t + 2] & 0xff) << 16; // fall through
      case 2: k1 ^= (long) (data[t + 1] & 0xff) << 8; // fall through
      case 1:
        k1 ^= data[t] & 0xff;
        k1 *= C1;
        k1 = Long.rotateLeft(k1, 31);
        k1 *= C2;
        h1 ^= k1;
        break;
      default:
        break;
    }
    h1 ^= len;
    h2 ^= len;
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 += h2;
    h2 += h1;
    out[0] = h1;
    out[1] = h2;
  }

  private static long getLong(byte[] b, int i) {
    return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
        | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48 | (b[i + 7] & 0xffL) << 56;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
