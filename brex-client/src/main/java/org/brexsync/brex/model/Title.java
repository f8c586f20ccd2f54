package org.brexsync.brex.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.brexsync.brex.internal.RequiredAttributes;
import org.immutables.value.Value;

/** A job title ({@code TitleResponse}). */
@Value.Immutable
@JsonSerialize(as = ImmutableTitle.class)
@JsonDeserialize(as = ImmutableTitle.class)
public abstract class Title implements WithTitle {
  Title() {}

  /** {@return JSON {@code id}} */
  @JsonProperty("id")
  public abstract String id();

  /** {@return JSON {@code name}} */
  @JsonProperty("name")
  public abstract String name();

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder of {@link Title}, from {@link #builder()}; {@code from(value)} starts from the attributes of
   * an existing value. {@link #build()} throws one {@link org.brexsync.brex.BrexValidationException}
   * naming every unset required attribute by its JSON name.
   */
  public static final class Builder extends ImmutableTitle.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws org.brexsync.brex.BrexValidationException listing every unset required attribute
     */
    @Override
    public Title build() {
      return RequiredAttributes.build(Title.class, super::build);
    }
  }
}
