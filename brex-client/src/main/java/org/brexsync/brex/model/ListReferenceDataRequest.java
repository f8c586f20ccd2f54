package org.brexsync.brex.model;

import java.util.Optional;
import org.immutables.value.Value;

/** Query of the department, location and title list calls: name filter, page size, cursor. */
@Value.Immutable
public abstract class ListReferenceDataRequest {
  ListReferenceDataRequest() {}

  /** Only entries with this name ({@code name}). */
  public abstract Optional<String> name();

  /** Page size, 1..1000. */
  public abstract Optional<Integer> limit();

  /** Cursor to start from. */
  public abstract Optional<String> cursor();

  /** A new builder. */
  public static ImmutableListReferenceDataRequest.Builder builder() {
    return ImmutableListReferenceDataRequest.builder();
  }

  /** Every entry. */
  public static ListReferenceDataRequest all() {
    return builder().build();
  }

  /** Entries named {@code name}. */
  public static ListReferenceDataRequest byName(String name) {
    return builder().name(name).build();
  }
}
