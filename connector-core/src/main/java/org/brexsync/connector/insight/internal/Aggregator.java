package org.brexsync.connector.insight.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.brexsync.connector.insight.Aggregate;
import org.brexsync.connector.insight.ColumnFormat;

/** Running subtotal of one column (fixed size except one entry per currency). Not API. */
final class Aggregator {
  private final Aggregate kind;
  private final ColumnFormat format;
  private long count;
  private BigDecimal sum = BigDecimal.ZERO;
  private BigDecimal min;
  private BigDecimal max;
  private Map<String, BigDecimal> sums;

  Aggregator(Aggregate kind, ColumnFormat format) {
    this.kind = kind;
    this.format = format;
  }

  void add(Cell c) {
    if (kind == Aggregate.NONE || c.isEmpty()) {
      return;
    }
    count++;
    if (c.number().isEmpty()) {
      return;
    }
    BigDecimal n = c.number().get();
    if (c.currency().isPresent()) {
      if (sums == null) {
        sums = new HashMap<>(2);
      }
      sums.merge(c.currency().get(), n, BigDecimal::add);
    }
    sum = sum.add(n);
    min = min == null || n.compareTo(min) < 0 ? n : min;
    max = max == null || n.compareTo(max) > 0 ? n : max;
  }

  Cell result() {
    switch (kind) {
      case COUNT:
        return Formats.numberCell(BigDecimal.valueOf(count));
      case SUM:
        if (format == ColumnFormat.MONEY) {
          return sums == null ? Formats.moneySums(Map.of()) : Formats.moneySums(sums);
        }
        return count == 0 ? Cell.EMPTY : Formats.numberCell(sum);
      case MIN:
        return min == null ? Cell.EMPTY : Formats.numberCell(min);
      case MAX:
        return max == null ? Cell.EMPTY : Formats.numberCell(max);
      default:
        return Cell.EMPTY;
    }
  }
}
