package org.brexsync.brex.model;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A field of a partial update: either {@link #unchanged()} (the field is not sent, Brex keeps
 * its value), {@link #clear()} (sent as JSON {@code null}) or {@link #set(Object)} (sent as the
 * value).
 *
 * @param <T> the field's value type
 */
public final class Patch<T> {
  private static final Patch<?> UNCHANGED = new Patch<>(State.UNCHANGED, null);
  private static final Patch<?> CLEAR = new Patch<>(State.CLEAR, null);

  private enum State {
    UNCHANGED,
    CLEAR,
    SET
  }

  private final State state;
  private final T value;

  private Patch(State state, T value) {
    this.state = state;
    this.value = value;
  }

  /**
   * Leave the field as it is: it is omitted from the request body.
   *
   * @param <T> the type of the value
   * @return the patch
   */
  @SuppressWarnings("unchecked")
  public static <T> Patch<T> unchanged() {
    return (Patch<T>) UNCHANGED;
  }

  /**
   * Set the field to {@code null} on the server (sent as JSON {@code null}).
   *
   * @param <T> the type of the value
   * @return the patch
   */
  @SuppressWarnings("unchecked")
  public static <T> Patch<T> clear() {
    return (Patch<T>) CLEAR;
  }

  /**
   * Set the field to {@code value}, which must not be null (use {@link #clear()}).
   *
   * @param <T> the type of the value
   * @param value the value
   * @return the patch
   */
  public static <T> Patch<T> set(T value) {
    return new Patch<>(State.SET, Objects.requireNonNull(value, "value (use Patch.clear() for null)"));
  }

  /**
   * {@return {@link #set(Object)} when present, {@link #clear()} when empty}
   *
   * @param <T> the type of the value
   * @param value the value
   */
  public static <T> Patch<T> ofOptional(Optional<T> value) {
    return value.map(Patch::set).orElseGet(Patch::clear);
  }

  /** {@return true when the field is left unchanged (not sent)} */
  public boolean isUnchanged() {
    return state == State.UNCHANGED;
  }

  /** {@return true when the field is explicitly set to null} */
  public boolean isClear() {
    return state == State.CLEAR;
  }

  /** {@return true when the field is set to a value} */
  public boolean isSet() {
    return state == State.SET;
  }

  /** {@return the value when {@link #isSet()}, else empty} */
  public Optional<T> value() {
    return Optional.ofNullable(value);
  }

  /** {@return the value; throws unless {@link #isSet()}} */
  public T get() {
    if (state != State.SET) {
      throw new NoSuchElementException("Patch is " + state);
    }
    return value;
  }

  /**
   * Maps a set value, keeping unchanged and clear as they are.
   *
   * @param <R> the type of the result
   * @param mapper the mapper
   * @return the patch
   */
  public <R> Patch<R> map(Function<? super T, ? extends R> mapper) {
    if (state != State.SET) {
      @SuppressWarnings("unchecked")
      Patch<R> same = (Patch<R>) this;
      return same;
    }
    return set(mapper.apply(value));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Patch<?> p && p.state == state && Objects.equals(p.value, value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, value);
  }

  @Override
  public String toString() {
    return switch (state) {
      case UNCHANGED -> "Patch.unchanged";
      case CLEAR -> "Patch.clear";
      case SET -> "Patch.set(" + value + ")";
    };
  }
}
