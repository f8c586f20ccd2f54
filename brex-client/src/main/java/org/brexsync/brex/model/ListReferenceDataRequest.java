package org.brexsync.brex.model;

import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Query of the department, location and title list calls: name filter, page size, cursor. */
@Value.Immutable
public abstract class ListReferenceDataRequest implements WithListReferenceDataRequest {
  ListReferenceDataRequest() {}

  /**
   * Only entries with this name ({@code name}).
   *
   * @return the string, or empty
   */
  public abstract Optional<String> name();

  /** {@return page size, 1..1000} */
  public abstract Optional<Integer> limit();

  /** {@return cursor to start from} */
  public abstract Optional<String> cursor();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return every entry} */
  public static ListReferenceDataRequest all() {
    return builder().build();
  }

  /**
   * {@return entries named {@code name}}
   *
   * @param name the name
   */
  public static ListReferenceDataRequest byName(String name) {
    return builder().name(name).build();
  }

  /**
   * Builder of {@link ListReferenceDataRequest}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableListReferenceDataRequest.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public ListReferenceDataRequest build() {
      return RequiredAttributes.build(ListReferenceDataRequest.class, super::build);
    }
  }
}
