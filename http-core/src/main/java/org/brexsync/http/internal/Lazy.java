package org.brexsync.http.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value its factory makes at the first {@link #get()}, once; thread-safe. A factory that throws
 * stores nothing, so the next {@code get()} tries again. For what a client or a run needs only when
 * (and if) it is first used: a Jackson mapper, a TLS context, a field catalog. Not public API.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<? extends T> factory;
  private volatile T value;

  private Lazy(Supplier<? extends T> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /**
   * {@return a value made by {@code factory} at first use}
   *
   * @param factory makes the value; must not return null
   * @param <T> the value's type
   */
  public static <T> Lazy<T> of(Supplier<? extends T> factory) {
    return new Lazy<>(factory);
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = Objects.requireNonNull(factory.get(), "the factory returned null");
          value = v;
        }
      }
    }
    return v;
  }
}
