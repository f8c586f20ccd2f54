package org.brexsync.connector.insight.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.brexsync.connector.insight.Column;
import org.brexsync.connector.insight.ColumnFormat;
import org.brexsync.connector.record.FieldPath;
import org.brexsync.connector.record.RecordView;

/** Turns field values into {@link Cell}s per {@link ColumnFormat}. Not API. */
public final class Formats {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Formats() {}

  /** The cell of a column for a row. */
  public static Cell cell(RecordView row, Column c, FieldPath path, Optional<FieldPath> currencyPath) {
    Optional<JsonNode> v = row.get(path);
    if (v.isEmpty() || (v.get().isTextual() && v.get().asText().isEmpty())) {
      return Cell.EMPTY;
    }
    JsonNode n = v.get();
    switch (c.format()) {
      case MONEY:
        return money(row, n, currencyPath);
      case NUMBER:
        return number(n);
      case BOOLEAN:
        return bool(n);
      case DATE:
        return date(n);
      default:
        return plain(n);
    }
  }

  /** A cell of a raw value with the plain TEXT format (numbers stay numeric for sorting). */
  public static Cell plain(JsonNode n) {
    if (n.isNumber()) {
      return new Cell(n.asText(), n, Optional.of(n.decimalValue()), Optional.empty());
    }
    String t = n.isValueNode() ? n.asText() : n.toString();
    return new Cell(t, n.isValueNode() ? n : F.textNode(t), Optional.empty(), Optional.empty());
  }

  private static Cell number(JsonNode n) {
    Optional<BigDecimal> d = decimal(n);
    if (d.isEmpty()) {
      return plain(n);
    }
    return new Cell(group(d.get()), F.numberNode(d.get()), d, Optional.empty());
  }

  private static Cell bool(JsonNode n) {
    String t = n.asText().toLowerCase(Locale.ROOT);
    if (t.equals("true") || t.equals("false")) {
      boolean b = t.equals("true");
      return new Cell(b ? "yes" : "no", F.booleanNode(b), Optional.empty(), Optional.empty());
    }
    return plain(n);
  }

  private static Cell date(JsonNode n) {
    String t = n.asText();
    if (n.isNumber()) {
      t = java.time.Instant.ofEpochSecond(n.asLong()).toString();
    }
    String d = t.length() >= 10 && t.charAt(4) == '-' ? t.substring(0, 10) : t;
    return new Cell(d, F.textNode(d), Optional.empty(), Optional.empty());
  }

  private static Cell money(RecordView row, JsonNode n, Optional<FieldPath> currencyPath) {
    long minor;
    String cur;
    if (n.isObject() && n.has("amount")) {
      minor = n.get("amount").asLong();
      cur = n.path("currency").asText("USD");
    } else if (n.isNumber() || decimal(n).isPresent()) {
      minor = decimal(n).get().longValue();
      cur = currencyPath.flatMap(row::get).map(JsonNode::asText).orElse("USD");
    } else {
      return plain(n);
    }
    if (cur.isBlank()) {
      cur = "USD";
    }
    BigDecimal major = BigDecimal.valueOf(minor).movePointLeft(digits(cur));
    return moneyCell(major, cur);
  }

  /** A money cell of an amount in major units. */
  public static Cell moneyCell(BigDecimal major, String currency) {
    int digits = digits(currency);
    BigDecimal scaled = major.setScale(digits, RoundingMode.HALF_EVEN);
    ObjectNode j = F.objectNode();
    j.put("amount", scaled);
    j.put("currency", currency);
    return new Cell(group(scaled, digits) + " " + currency, j, Optional.of(scaled), Optional.of(currency));
  }

  /** A cell of sums per currency (one currency: a money cell; several: joined text). */
  public static Cell moneySums(Map<String, BigDecimal> sums) {
    if (sums.isEmpty()) {
      return Cell.EMPTY;
    }
    if (sums.size() == 1) {
      Map.Entry<String, BigDecimal> e = sums.entrySet().iterator().next();
      return moneyCell(e.getValue(), e.getKey());
    }
    StringBuilder sb = new StringBuilder();
    com.fasterxml.jackson.databind.node.ArrayNode arr = F.arrayNode();
    for (Map.Entry<String, BigDecimal> e : new TreeMap<>(sums).entrySet()) {
      Cell c = moneyCell(e.getValue(), e.getKey());
      sb.append(sb.length() == 0 ? "" : "; ").append(c.text());
      arr.add(c.json());
    }
    return new Cell(sb.toString(), arr, Optional.empty(), Optional.empty());
  }

  /** A number cell. */
  public static Cell numberCell(BigDecimal d) {
    return new Cell(group(d), F.numberNode(d), Optional.of(d), Optional.empty());
  }

  /** A text cell. */
  public static Cell textCell(String s) {
    return Cell.text(s);
  }

  static Optional<BigDecimal> decimal(JsonNode n) {
    if (n.isNumber()) {
      return Optional.of(n.decimalValue());
    }
    if (n.isTextual()) {
      try {
        return Optional.of(new BigDecimal(n.asText().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  static int digits(String currency) {
    try {
      int d = Currency.getInstance(currency).getDefaultFractionDigits();
      return d < 0 ? 2 : d;
    } catch (IllegalArgumentException e) {
      return 2;
    }
  }

  private static String group(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return group(s, Math.max(0, s.scale()));
  }

  private static String group(BigDecimal d, int digits) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setMinimumFractionDigits(digits);
    f.setMaximumFractionDigits(digits);
    f.setRoundingMode(RoundingMode.HALF_EVEN);
    return f.format(d);
  }
}
