package org.brexsync.connector.mapping;

/**
 * Creates a {@link Transformer} from its arguments; registered by name in a {@link TransformerRegistry}.
 * Throw {@link IllegalArgumentException} for bad arguments: the message is shown with the rule.
 */
@FunctionalInterface
public interface TransformerFactory {

  /**
   * {@return a transformer configured by the spec's arguments}
   *
   * @param spec the spec
   */
  Transformer create(TransformerSpec spec);
}
