package org.brexsync.connector.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named transformer with its arguments, as written in a mapping rule. JSON form: a plain name
 * ({@code "lowercase"}) or an object with {@code name} and arguments
 * ({@code {"name":"value_map","map":{"ACTIVE":"Active"},"default":"Other"}}).
 */
@JsonSerialize(using = TransformerSpec.Ser.class)
@JsonDeserialize(using = TransformerSpec.Deser.class)
public final class TransformerSpec {
  private final String name;
  private final Map<String, JsonNode> args;

  private TransformerSpec(String name, Map<String, JsonNode> args) {
    this.name = Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("transformer name is blank");
    }
    this.args = Map.copyOf(args);
  }

  /**
   * {@return a transformer without arguments}
   *
   * @param name the name
   */
  public static TransformerSpec of(String name) {
    return new TransformerSpec(name, Map.of());
  }

  /**
   * {@return a transformer with arguments given as a JSON object}
   *
   * @param name the name
   * @param args the command-line arguments
   */
  public static TransformerSpec of(String name, Map<String, ?> args) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    args.forEach((k, v) -> m.put(k, org.brexsync.connector.internal.Json.mapper().valueToTree(v)));
    return new TransformerSpec(name, m);
  }

  /** {@return the registered name} */
  public String name() {
    return name;
  }

  /** {@return all arguments} */
  public Map<String, JsonNode> args() {
    return args;
  }

  /**
   * {@return one argument}
   *
   * @param key the key
   */
  public Optional<JsonNode> arg(String key) {
    return Optional.ofNullable(args.get(key));
  }

  /**
   * {@return one argument as text, or fails with a message naming the transformer}
   *
   * @param key the key
   */
  public String requireText(String key) {
    JsonNode n = args.get(key);
    if (n == null || !n.isValueNode() || n.isNull()) {
      throw new IllegalArgumentException("transformer '" + name + "' needs a text argument '" + key + "'");
    }
    return n.asText();
  }

  /**
   * {@return one argument as text, or a default}
   *
   * @param key the key
   * @param dflt the dflt
   */
  public String text(String key, String dflt) {
    JsonNode n = args.get(key);
    return n == null || n.isNull() ? dflt : n.asText();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransformerSpec
        && ((TransformerSpec) o).name.equals(name)
        && ((TransformerSpec) o).args.equals(args);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, args);
  }

  @Override
  public String toString() {
    return args.isEmpty() ? name : name + args;
  }

  static final class Ser extends JsonSerializer<TransformerSpec> {
    @Override
    public void serialize(TransformerSpec v, JsonGenerator g, SerializerProvider p) throws IOException {
      if (v.args.isEmpty()) {
        g.writeString(v.name);
        return;
      }
      g.writeStartObject();
      g.writeStringField("name", v.name);
      for (Map.Entry<String, JsonNode> e : new java.util.TreeMap<>(v.args).entrySet()) {
        g.writeFieldName(e.getKey());
        g.writeTree(e.getValue());
      }
      g.writeEndObject();
    }
  }

  static final class Deser extends JsonDeserializer<TransformerSpec> {
    @Override
    public TransformerSpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        String s = p.getText();
        if (s.isBlank()) {
          return ctxt.reportInputMismatch(TransformerSpec.class, "transformer name is blank");
        }
        return of(s);
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return ctxt.reportInputMismatch(
            TransformerSpec.class, "a transformer is a name or an object with \"name\", got %s", p.currentToken());
      }
      JsonNode tree = p.readValueAsTree();
      ObjectNode o = tree instanceof ObjectNode ? (ObjectNode) tree : JsonNodeFactory.instance.objectNode();
      JsonNode name = o.get("name");
      if (name == null || !name.isTextual() || name.asText().isBlank()) {
        return ctxt.reportInputMismatch(TransformerSpec.class, "transformer object needs a \"name\"");
      }
      Map<String, JsonNode> args = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().equals("name")) {
          args.put(e.getKey(), e.getValue());
        }
      }
      return new TransformerSpec(name.asText(), args);
    }
  }
}
