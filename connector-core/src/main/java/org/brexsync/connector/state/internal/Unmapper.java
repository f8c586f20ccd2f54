package org.brexsync.connector.state.internal;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Releases a mapped buffer now instead of at garbage collection, where the JDK allows it
 * ({@code sun.misc.Unsafe.invokeCleaner}, in the {@code jdk.unsupported} module), so files can be
 * deleted at once on every platform. Without it the mapping is released by the garbage collector.
 */
final class Unmapper {
  private static final Object UNSAFE;
  private static final Method INVOKE_CLEANER;

  static {
    Object unsafe = null;
    Method clean = null;
    try {
      Class<?> c = Class.forName("sun.misc.Unsafe");
      java.lang.reflect.Field f = c.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      unsafe = f.get(null);
      clean = c.getMethod("invokeCleaner", ByteBuffer.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      unsafe = null;
      clean = null;
    }
    UNSAFE = unsafe;
    INVOKE_CLEANER = clean;
  }

  private Unmapper() {}

  static void unmap(ByteBuffer b) {
    if (b == null || !b.isDirect() || INVOKE_CLEANER == null) {
      return;
    }
    try {
      INVOKE_CLEANER.invoke(UNSAFE, b);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // left to the garbage collector
    }
  }
}
