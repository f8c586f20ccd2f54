package org.brexsync.connector.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.brexsync.connector.mapping.internal.BuiltinTransformers;

/**
 * Transformers by name. {@link #defaults()} holds the built-ins; {@link #with(String, TransformerFactory)}
 * returns a new registry with a user transformer added (immutable, thread-safe):
 *
 * <pre>{@code
 * TransformerRegistry reg = TransformerRegistry.defaults()
 *     .with("initials", spec -> (v, ctx) -> v.map(n -> TextNode.valueOf(n.asText().substring(0, 1))));
 * }</pre>
 *
 * <p>Built-ins: {@code lowercase}, {@code uppercase}, {@code trim}, {@code split_email} ({@code part}:
 * {@code local} | {@code domain}), {@code first_from_full}, {@code last_from_full}, {@code date_format}
 * ({@code from}, {@code to}: a {@code DateTimeFormatter} pattern, {@code iso}, {@code date},
 * {@code epoch_seconds} or {@code epoch_millis}; {@code zone}, default UTC), {@code value_map}
 * ({@code map}, optional {@code default}), {@code concat} ({@code paths}, optional {@code separator},
 * default one space; the current value, if any, comes first; empty parts are skipped),
 * {@code default_if_empty} ({@code value}), {@code to_string}, {@code to_boolean}.
 */
public final class TransformerRegistry {
  private static final TransformerRegistry DEFAULTS = new TransformerRegistry(BuiltinTransformers.all());
  private final Map<String, TransformerFactory> factories;

  private TransformerRegistry(Map<String, TransformerFactory> factories) {
    this.factories = Collections.unmodifiableMap(new LinkedHashMap<>(factories));
  }

  /** {@return the built-in transformers} */
  public static TransformerRegistry defaults() {
    return DEFAULTS;
  }

  /**
   * {@return a registry with one more (or a replaced) transformer}
   *
   * @param name the name
   * @param factory the factory
   */
  public TransformerRegistry with(String name, TransformerFactory factory) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(factory, "factory");
    Map<String, TransformerFactory> m = new LinkedHashMap<>(factories);
    m.put(name, factory);
    return new TransformerRegistry(m);
  }

  /** {@return registered names} */
  public Set<String> names() {
    return factories.keySet();
  }

  /**
   * {@return whether a name is registered}
   *
   * @param name the name
   */
  public boolean contains(String name) {
    return factories.containsKey(name);
  }

  /**
   * Creates the transformer of a spec.
   *
   * @param spec the spec
   * @return the created transformer
   * @throws IllegalArgumentException for an unknown name or bad arguments
   */
  public Transformer create(TransformerSpec spec) {
    TransformerFactory f = factories.get(spec.name());
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown transformer '" + spec.name() + "'; known: " + String.join(", ", factories.keySet()));
    }
    return f.create(spec);
  }
}
