package org.brexsync.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.fakes.FakeBrex;
import org.brexsync.connector.record.RecordView;
import org.junit.jupiter.api.Test;

class TransformerTest {
  private static final TransformerRegistry REG = TransformerRegistry.defaults();
  private static final TransformContext CTX =
      TransformContext.of(RecordView.of(FakeBrex.user("u1", "Ada", "Lovelace", "ada@x.test", "ACTIVE")), Instant.parse("2026-01-02T03:04:05Z"));

  private static Optional<JsonNode> run(TransformerSpec spec, String input) {
    return REG.create(spec).apply(Optional.ofNullable(input).map(TextNode::valueOf), CTX);
  }

  private static String text(TransformerSpec spec, String input) {
    return run(spec, input).map(JsonNode::asText).orElse(null);
  }

  @Test
  void caseAndWhitespaceTransformers() {
    assertThat(text(TransformerSpec.of("lowercase"), "Ada@X.Test")).isEqualTo("ada@x.test");
    assertThat(text(TransformerSpec.of("uppercase"), "ada")).isEqualTo("ADA");
    assertThat(text(TransformerSpec.of("trim"), "  ada \t")).isEqualTo("ada");
    assertThat(run(TransformerSpec.of("lowercase"), null)).isEmpty();
  }

  @Test
  void splitEmailGivesLocalPartOrDomain() {
    assertThat(text(TransformerSpec.of("split_email"), "ada.l@x.test")).isEqualTo("ada.l");
    assertThat(text(TransformerSpec.of("split_email", Map.of("part", "domain")), "ada.l@x.test")).isEqualTo("x.test");
    assertThatThrownBy(() -> REG.create(TransformerSpec.of("split_email", Map.of("part", "host"))))
        .hasMessageContaining("part must be 'local' or 'domain'");
  }

  @Test
  void firstAndLastFromFullName() {
    assertThat(text(TransformerSpec.of("first_from_full"), " Ada King Lovelace ")).isEqualTo("Ada");
    assertThat(text(TransformerSpec.of("last_from_full"), "Ada King Lovelace")).isEqualTo("King Lovelace");
    assertThat(text(TransformerSpec.of("last_from_full"), "Cher")).isEmpty();
  }

  @Test
  void dateFormatConvertsBetweenPatternsAndEpochs() {
    assertThat(text(TransformerSpec.of("date_format", Map.of("from", "iso", "to", "MM/dd/yyyy")), "2024-03-05T10:00:00Z"))
        .isEqualTo("03/05/2024");
    assertThat(run(TransformerSpec.of("date_format", Map.of("from", "yyyy-MM-dd", "to", "epoch_seconds")), "1970-01-02"))
        .contains(com.fasterxml.jackson.databind.node.LongNode.valueOf(86400));
    assertThat(text(TransformerSpec.of("date_format", Map.of("from", "epoch_seconds", "to", "iso")), "86400"))
        .isEqualTo("1970-01-02T00:00:00Z");
    assertThatThrownBy(() -> run(TransformerSpec.of("date_format", Map.of("from", "iso", "to", "date")), "yesterday"))
        .hasMessageContaining("cannot read 'yesterday'");
    assertThatThrownBy(() -> REG.create(TransformerSpec.of("date_format"))).hasMessageContaining("needs a text argument 'to'");
  }

  @Test
  void valueMapTranslatesStatusesWithDefault() {
    TransformerSpec spec = TransformerSpec.of("value_map", Map.of("map", Map.of("ACTIVE", "Active", "DISABLED", "Suspended"), "default", "Other"));
    assertThat(text(spec, "ACTIVE")).isEqualTo("Active");
    assertThat(text(spec, "DISABLED")).isEqualTo("Suspended");
    assertThat(text(spec, "INVITED")).isEqualTo("Other");
    TransformerSpec noDefault = TransformerSpec.of("value_map", Map.of("map", Map.of("ACTIVE", false)));
    assertThat(text(noDefault, "INVITED")).isEqualTo("INVITED");
    assertThat(run(noDefault, "ACTIVE").get().isBoolean()).isTrue();
  }

  @Test
  void concatJoinsValueAndOtherPathsSkippingEmpty() {
    TransformerSpec spec = TransformerSpec.of("concat", Map.of("paths", List.of("first_name", "missing", "last_name")));
    assertThat(text(spec, null)).isEqualTo("Ada Lovelace");
    TransformerSpec sep = TransformerSpec.of("concat", Map.of("paths", List.of("last_name"), "separator", ", "));
    assertThat(text(sep, "Dr")).isEqualTo("Dr, Lovelace");
  }

  @Test
  void defaultIfEmptyFillsBlankAndMissing() {
    TransformerSpec spec = TransformerSpec.of("default_if_empty", Map.of("value", 7));
    assertThat(run(spec, null)).contains(IntNode.valueOf(7));
    assertThat(run(spec, "  ")).contains(IntNode.valueOf(7));
    assertThat(text(spec, "x")).isEqualTo("x");
  }

  @Test
  void usersRegisterTheirOwnTransformers() {
    TransformerRegistry reg =
        TransformerRegistry.defaults().with("initial", s -> (v, c) -> v.map(n -> TextNode.valueOf(n.asText().substring(0, 1))));
    assertThat(reg.create(TransformerSpec.of("initial")).apply(Optional.of(TextNode.valueOf("Ada")), CTX)).contains(TextNode.valueOf("A"));
    assertThat(TransformerRegistry.defaults().contains("initial")).isFalse();
    assertThatThrownBy(() -> TransformerRegistry.defaults().create(TransformerSpec.of("initial")))
        .hasMessageContaining("unknown transformer 'initial'")
        .hasMessageContaining("lowercase");
  }
}
