package org.brexsync.brex;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.brexsync.brex.model.Patch;

/**
 * The JSON configuration of the Brex client, for code that needs the spec-shaped JSON of a model
 * (for example a field-mapping engine working on JSON trees).
 *
 * <p>Unknown properties are ignored, unknown enum constants read as {@code UNKNOWN}, empty
 * {@link java.util.Optional}s and {@link Patch#unchanged()} fields are omitted, dates are ISO
 * strings ({@code 2026-08-24}).
 */
public final class BrexJson {
  private static final ObjectMapper MAPPER = newMapper();

  private BrexJson() {}

  /** {@return a new, independently configurable copy of the mapper the client uses} */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  /**
   * {@return the spec-shaped JSON tree of a model object (for example a {@code User})}
   *
   * @param model the model
   */
  public static JsonNode toJsonTree(Object model) {
    return MAPPER.valueToTree(model);
  }

  /**
   * {@return the spec-shaped JSON text of a model object}
   *
   * @param model the model
   */
  public static String toJson(Object model) {
    try {
      return MAPPER.writeValueAsString(model);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot serialize " + model.getClass().getName(), e);
    }
  }

  /**
   * Reads a model from JSON, e.g. {@code BrexJson.fromJson(json, User.class)}.
   *
   * @param <T> the type of the value
   * @param json the JSON text
   * @param type the type
   * @return the t read
   * @throws BrexResponseException when the JSON is malformed or lacks a required field
   */
  public static <T> T fromJson(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException | RuntimeException e) {
      throw new BrexResponseException(
          "Cannot read " + type.getSimpleName() + " from JSON: " + BrexResponseException.describe(e),
          0, "", "", BrexResponseException.excerpt(json), null); // Jackson's message quotes the input
    }
  }

  /**
   * Converts a JSON tree to a model type.
   *
   * @param <T> the type of the value
   * @param tree the JSON tree
   * @param type the type
   * @return the t
   */
  public static <T> T fromJsonTree(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (IOException | RuntimeException e) {
      throw new BrexResponseException(
          "Cannot read " + type.getSimpleName() + " from JSON: " + BrexResponseException.describe(e),
          0, "", "", "", null); // Jackson's message quotes the input
    }
  }

  static ObjectMapper shared() {
    return MAPPER;
  }

  private static ObjectMapper newMapper() {
    SimpleModule patches = new SimpleModule("brex-patch");
    patches.addSerializer(new PatchSerializer());
    patches.addDeserializer(Patch.class, new PatchDeserializer(null));
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .addModule(patches)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.USE_DEFAULTS))
            .build();
    // Brex sends "metadata": null; the null-free model reads that as an empty map/list.
    mapper.configOverride(Map.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
    mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
    // Patch.unchanged() counts as "empty" and is left out; Patch.clear() writes null.
    mapper.configOverride(Patch.class)
        .setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS));
    return mapper;
  }

  /** Absent property: the model's default ({@code unchanged}); null: clear; value: set. */
  private static final class PatchDeserializer extends StdDeserializer<Patch<?>>
      implements ContextualDeserializer {
    private static final long serialVersionUID = 1L;
    private final JavaType valueType;

    PatchDeserializer(JavaType valueType) {
      super(Patch.class);
      this.valueType = valueType;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      JavaType t = property != null ? property.getType() : ctxt.getContextualType();
      JavaType inner = t == null || t.containedTypeCount() == 0
          ? ctxt.constructType(Object.class) : t.containedType(0);
      return new PatchDeserializer(inner);
    }

    @Override
    public Patch<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JavaType t = valueType == null ? ctxt.constructType(Object.class) : valueType;
      Object value = ctxt.readValue(p, t);
      return value == null ? Patch.clear() : Patch.set(value);
    }

    @Override
    public Patch<?> getNullValue(DeserializationContext ctxt) {
      return Patch.clear();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return null;
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final class PatchSerializer extends StdSerializer<Patch> {
    PatchSerializer() {
      super(Patch.class);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Patch value) {
      return value == null || value.isUnchanged();
    }

    @Override
    public void serialize(Patch value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.isSet()) {
        provider.defaultSerializeValue(value.get(), gen);
      } else {
        gen.writeNull();
      }
    }
  }
}
