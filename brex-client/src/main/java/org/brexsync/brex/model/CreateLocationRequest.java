package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** Request to create a location. */
@Value.Immutable
@JsonSerialize(as = ImmutableCreateLocationRequest.class)
@JsonDeserialize(as = ImmutableCreateLocationRequest.class)
public abstract class CreateLocationRequest implements WithCreateLocationRequest {
  CreateLocationRequest() {}

  /** {@return JSON {@code name}} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return JSON {@code description}} */
  @JsonProperty("description")
  public abstract Optional<String> description();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link CreateLocationRequest} (returned by {@link #builder()}). {@link #build()}
   * throws one {@link org.brexsync.brex.BrexValidationException} with a violation per missing
   * required attribute ({@code name}), named by its JSON name, instead of Immutables' {@code
   * IllegalStateException}; the other rules are checked by {@link
   * org.brexsync.brex.BrexValidation}.
   */
  public static final class Builder extends ImmutableCreateLocationRequest.Builder {
    Builder() {}

    /**
     * Builds the request.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every missing required attribute
     */
    @Override
    public CreateLocationRequest build() {
      return RequiredAttributes.build(CreateLocationRequest.class, super::build);
    }
  }
}
