package org.brexsync.oomnitza.bulk;

import java.util.Objects;
import java.util.Optional;

/**
 * Which connector a bulk run belongs to: by name ({@code connector_name}, basic/upload mode, must
 * match a mapping name in Oomnitza) or by integration id ({@code connector_id}, managed mode; the
 * number in {@code /settings/connectors?id=268}).
 */
public final class ConnectorRef {
  private final String name;
  private final Long id;

  private ConnectorRef(String name, Long id) {
    this.name = name;
    this.id = id;
  }

  /**
   * {@return a connector named {@code name}, sent as {@code connector_name}}
   *
   * @param name the name
   */
  public static ConnectorRef name(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("connector name must not be blank");
    }
    return new ConnectorRef(name, null);
  }

  /**
   * {@return the integration with id {@code id}, sent as {@code connector_id}}
   *
   * @param id the id
   */
  public static ConnectorRef id(long id) {
    if (id < 0) {
      throw new IllegalArgumentException("connector id must not be negative");
    }
    return new ConnectorRef(null, id);
  }

  /** {@return the name, for a named connector} */
  public Optional<String> connectorName() {
    return Optional.ofNullable(name);
  }

  /** {@return the id, for a managed integration} */
  public Optional<Long> connectorId() {
    return Optional.ofNullable(id);
  }

  /** {@return the value for {@code {connector}} in run-log paths} */
  public String pathValue() {
    return name != null ? name : Long.toString(id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectorRef
        && Objects.equals(((ConnectorRef) o).name, name)
        && Objects.equals(((ConnectorRef) o).id, id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, id);
  }

  @Override
  public String toString() {
    return name != null ? "ConnectorRef{name=" + name + "}" : "ConnectorRef{id=" + id + "}";
  }
}
