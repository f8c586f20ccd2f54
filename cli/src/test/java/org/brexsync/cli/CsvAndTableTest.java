package org.brexsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.brexsync.cli.internal.Table;
import org.brexsync.connector.insight.Csv;
import org.junit.jupiter.api.Test;

class CsvAndTableTest {
  @Test
  void csvNeutralisesSpreadsheetFormulas() {
    assertThat(Csv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(Csv.field("+1")).isEqualTo("'+1");
    assertThat(Csv.field("-2+3")).isEqualTo("'-2+3");
    assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.field("\tx")).isEqualTo("'\tx");
    assertThat(Csv.field("a=b")).isEqualTo("a=b");
  }

  @Test
  void csvQuotesPerRfc4180() {
    assertThat(Csv.record(List.of("a", "b,c", "say \"hi\"", "two\nlines", ""))).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  }

  @Test
  void tableAlignsColumnsAndKeepsOneRecordPerLine() {
    String t = new Table("NAME", "N").right(1).row("ab", 5).row("a\nb", 123).render();

    assertThat(t.lines()).containsExactly("NAME    N", "---------", "ab      5", "a b   123");
  }
}
