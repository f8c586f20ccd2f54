package org.brexsync.brex.model;

import java.util.List;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Query of {@code GET /v2/users}: optional filters, page size and starting cursor. */
@Value.Immutable
public abstract class ListUsersRequest implements WithListUsersRequest {
  ListUsersRequest() {}

  /**
   * Only the user with this email ({@code email}).
   *
   * @return the string, or empty
   */
  public abstract Optional<String> email();

  /**
   * Only the user with this IdP/HR display id ({@code remote_display_id}).
   *
   * @return the string, or empty
   */
  public abstract Optional<String> remoteDisplayId();

  /** {@return expansions, each sent as {@code expand[]=value} (e.g. {@code limit})} */
  public abstract List<String> expand();

  /** {@return page size, 1..1000 (Brex default 100)} */
  public abstract Optional<Integer> limit();

  /** {@return cursor to start from (default: the first page)} */
  public abstract Optional<String> cursor();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return every user} */
  public static ListUsersRequest all() {
    return builder().build();
  }

  /**
   * {@return the user with {@code email} (a page of at most one)}
   *
   * @param email the email address
   */
  public static ListUsersRequest byEmail(String email) {
    return builder().email(email).build();
  }

  /**
   * Builder of {@link ListUsersRequest}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableListUsersRequest.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public ListUsersRequest build() {
      return RequiredAttributes.build(ListUsersRequest.class, super::build);
    }
  }
}
