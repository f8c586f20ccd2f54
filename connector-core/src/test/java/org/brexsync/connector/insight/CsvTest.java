package org.brexsync.connector.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public CSV encoding: RFC 4180 records, formula injection neutralised, null as empty. */
class CsvTest {
  @Test
  void aRecordQuotesPerRfc4180AndEndsWithCrlf() {
    assertThat(Csv.record(List.of("a", "b,c", "say \"hi\"", "two\nlines", "")))
        .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    assertThat(Csv.record(List.of())).isEqualTo("\r\n");
  }

  @Test
  void formulasAreNeutralisedButPlainNumbersAreNot() {
    assertThat(Csv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(Csv.field("+1")).isEqualTo("'+1");
    assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Csv.field("\tx")).isEqualTo("'\tx");
    assertThat(Csv.field("-12.5")).isEqualTo("-12.5");
    assertThat(Csv.neutralise("-1+2")).isEqualTo("'-1+2");
    assertThat(Csv.neutralise("a=b")).isEqualTo("a=b");
  }

  @Test
  void nullIsTheEmptyField() {
    assertThat(Csv.field(null)).isEmpty();
    assertThat(Csv.neutralise(null)).isEmpty();
    assertThat(Csv.record(Arrays.asList("a", null, "b"))).isEqualTo("a,,b\r\n");
  }
}
