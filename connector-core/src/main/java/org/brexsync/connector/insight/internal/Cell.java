package org.brexsync.connector.insight.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.Optional;

/** One formatted value: display text, machine value (JSON) and, for sorting/sums, a number. Not API. */
public final class Cell {
  static final Cell EMPTY = new Cell("", NullNode.getInstance(), Optional.empty(), Optional.empty());

  private final String text;
  private final JsonNode json;
  private final Optional<BigDecimal> number;
  private final Optional<String> currency;

  Cell(String text, JsonNode json, Optional<BigDecimal> number, Optional<String> currency) {
    this.text = text;
    this.json = json;
    this.number = number;
    this.currency = currency;
  }

  static Cell text(String s) {
    return new Cell(s, JsonNodeFactory.instance.textNode(s), Optional.empty(), Optional.empty());
  }

  /** The display text ("" when empty). */
  public String text() {
    return text;
  }

  /** The machine value for JSON output (null node when empty). */
  public JsonNode json() {
    return json;
  }

  /** The numeric value (money in major units), when numeric. */
  public Optional<BigDecimal> number() {
    return number;
  }

  /** The currency of a money value. */
  public Optional<String> currency() {
    return currency;
  }

  /** Whether there is no value. */
  public boolean isEmpty() {
    return json.isNull() && text.isEmpty();
  }

  @Override
  public String toString() {
    return text;
  }
}
