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
public abstract class CreateTitleRequest implements WithCreateTitleRequest {
  CreateTitleRequest() {}

  /** {@return JSON {@code name}} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return a new builder} */
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
  public static final class Builder extends ImmutableCreateTitleRequest.Builder {
    Builder() {}

    /**
     * Builds the request.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every missing required attribute
     */
    @Override
    public CreateTitleRequest build() {
      return RequiredAttributes.build(CreateTitleRequest.class, super::build);
    }
  }
}
