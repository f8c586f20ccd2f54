package org.brexsync.oomnitza;

import java.util.Objects;

/** A {@code sortby} value: {@code <external id> asc|desc}. */
public final class Sort {
  /** Sort direction. */
  public enum Direction {
    /** Ascending. */
    ASC,
    /** Descending. */
    DESC
  }

  private final ExternalId field;
  private final Direction direction;

  private Sort(ExternalId field, Direction direction) {
    this.field = Objects.requireNonNull(field, "field");
    this.direction = Objects.requireNonNull(direction, "direction");
  }

  /**
   * {@return ascending by {@code field}}
   *
   * @param field the field to sort by, by external id
   */
  public static Sort asc(String field) {
    return new Sort(ExternalId.of(field), Direction.ASC);
  }

  /**
   * {@return descending by {@code field}}
   *
   * @param field the field to sort by, by external id
   */
  public static Sort desc(String field) {
    return new Sort(ExternalId.of(field), Direction.DESC);
  }

  /**
   * {@return sort by {@code field} in {@code direction}}
   *
   * @param field the field to sort by, by external id
   * @param direction the direction
   */
  public static Sort by(ExternalId field, Direction direction) {
    return new Sort(field, direction);
  }

  /** {@return the field} */
  public ExternalId field() {
    return field;
  }

  /** {@return the direction} */
  public Direction direction() {
    return direction;
  }

  /** {@return the wire form, e.g. {@code email asc}} */
  public String toQueryValue() {
    return field.value() + (direction == Direction.ASC ? " asc" : " desc");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sort && ((Sort) o).field.equals(field) && ((Sort) o).direction == direction;
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, direction);
  }

  @Override
  public String toString() {
    return toQueryValue();
  }
}
