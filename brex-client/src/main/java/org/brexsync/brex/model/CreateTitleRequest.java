package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Request to create a title. */
@Value.Immutable
@JsonSerialize(as = ImmutableCreateTitleRequest.class)
@JsonDeserialize(as = ImmutableCreateTitleRequest.class)
public abstract class CreateTitleRequest {
  CreateTitleRequest() {}

  /** JSON {@code name}. */
  @JsonProperty("name")
  public abstract String name();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link CreateTitleRequest} (returned by {@link #builder()}). {@link #build()} throws
   * one {@link org.brexsync.brex.BrexValidationException} with a violation per missing required
   * attribute ({@code name}), named by its JSON name, instead of Immutables' {@code
   * IllegalStateException}; the other rules are checked by {@link
   * org.brexsync.brex.BrexValidation}.
   */
  public static class Builder extends ImmutableCreateTitleRequest.Builder {
    /** A new, empty builder; same as {@link CreateTitleRequest#builder()}. */
    public Builder() {}

    /**
     * Builds the request.
     *
     * @throws org.brexsync.brex.BrexValidationException listing every missing required attribute
     */
    @Override
    public ImmutableCreateTitleRequest build() {
      RequiredAttributes.of("CreateTitleRequest")
          .require(nameIsSet(), "name")
          .throwIfMissing();
      return super.build();
    }
  }
}
