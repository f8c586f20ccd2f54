package org.brexsync.connector.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.brexsync.connector.workflow.internal.Expression;
import org.brexsync.connector.workflow.internal.Renderer;
import org.brexsync.connector.workflow.internal.Template;
import org.junit.jupiter.api.Test;

/** The template language: JSON-safe bodies, URL-safe paths, response expressions, filters. */
class TemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Renderer vars(Map<String, String> values) {
    return new Renderer(n -> Optional.ofNullable(values.get(n)).map(TextNode::valueOf), Optional.empty(), Map.of());
  }

  private static Renderer response(String body, Map<String, List<String>> headers) {
    return new Renderer(n -> Optional.empty(), Optional.of(json(body)), headers);
  }

  @Test
  void aBodyValueCannotBreakOutOfItsString() {
    Renderer r = vars(Map.of("last_name", "x\", \"admin\": true, \"y\": \"", "first_name", "{{last_name}}"));
    JsonNode out = r.renderBody(json("{\"first_name\":\"{{first_name}}\",\"last_name\":\"{{last_name}}\",\"n\":1}"));
    assertThat(out.size()).isEqualTo(3);
    assertThat(out.get("last_name").asText()).isEqualTo("x\", \"admin\": true, \"y\": \"");
    assertThat(out.get("first_name").asText()).isEqualTo("{{last_name}}");
    assertThat(out.get("n").asInt()).isEqualTo(1);
    assertThat(r.ok()).isTrue();
  }

  @Test
  void mixedTextAndNestedTemplatesRender() {
    Renderer r = vars(Map.of("first_name", "Jim", "last_name", "Halpert"));
    JsonNode out = r.renderBody(json("{\"card_name\":\"{{first_name}} {{last_name}}\",\"tags\":[\"{{last_name}}\"]}"));
    assertThat(out).isEqualTo(json("{\"card_name\":\"Jim Halpert\",\"tags\":[\"Halpert\"]}"));
  }

  @Test
  void everyMissingVariableIsCollectedAndOptionalOnesDropTheirMember() {
    Renderer r = vars(Map.of());
    JsonNode out = r.renderBody(json("{\"a\":\"{{x}}\",\"b\":\"{{y|optional}}\",\"c\":\"{{z}} and {{x}}\",\"d\":\"{{w|default:USER}}\"}"));
    assertThat(r.missing()).containsExactly("x", "z");
    assertThat(out.has("b")).isFalse();
    assertThat(out.get("d").asText()).isEqualTo("USER");
  }

  @Test
  void numberFilterSendsANumberOrComplains() {
    Renderer ok = vars(Map.of("amount", "1500"));
    assertThat(ok.renderBody(json("{\"amount\":\"{{amount|number}}\"}")).get("amount").isNumber()).isTrue();
    Renderer bad = vars(Map.of("amount", "15 dollars"));
    bad.renderBody(json("{\"amount\":\"{{amount|number}}\"}"));
    assertThat(bad.invalid()).singleElement().asString().contains("is not a number");
  }

  @Test
  void pathValuesArePercentEncodedAsOneSegmentAndQueryValuesAsOneValue() {
    Renderer r = vars(Map.of("id", "a/b?c#d e", "u", "x&admin=1"));
    assertThat(r.renderUrl("/v2/users/{{id}}/status?user_id={{u}}&limit=10"))
        .isEqualTo("/v2/users/a%2Fb%3Fc%23d%20e/status?user_id=x%26admin%3D1&limit=10");
  }

  @Test
  void dotSegmentsAndLineBreaksAreRefused() {
    Renderer r = vars(Map.of("id", "..", "h", "a\r\nX-Evil: 1"));
    r.renderUrl("/v2/users/{{id}}");
    r.renderText(Template.parse("{{h}}"), Renderer.Place.HEADER, "header X");
    assertThat(r.invalid()).hasSize(2);
    assertThat(r.invalid().get(0)).contains("not a usable path segment");
    assertThat(r.invalid().get(1)).contains("line break");
  }

  @Test
  void responseExpressionsOfTheApiBlock() {
    Renderer r = response("{\"items\":[{\"id\":\"c1\"},{\"id\":\"c2\"}],\"test-field\":\"t\",\"profile\":{\"first_name\":\"Jo\"}}",
        Map.of("X-Brex-Trace-Id", List.of("trace-1")));
    assertThat(r.resolve(Expression.parse("response.items[0].id"))).contains(TextNode.valueOf("c1"));
    assertThat(r.resolve(Expression.parse("response['items']")).orElseThrow().size()).isEqualTo(2);
    assertThat(r.resolve(Expression.parse("response[\"test-field\"]"))).contains(TextNode.valueOf("t"));
    assertThat(r.resolve(Expression.parse("response.profile[\"first_name\"]"))).contains(TextNode.valueOf("Jo"));
    assertThat(r.resolve(Expression.parse("response_headers.x-brex-trace-id"))).contains(TextNode.valueOf("trace-1"));
    assertThat(r.resolve(Expression.parse("response.items[5].id"))).isEmpty();
    assertThat(r.resolve(Expression.parse("response")).orElseThrow().isObject()).isTrue();
  }

  @Test
  void malformedPlaceholdersAreClearErrors() {
    assertThatThrownBy(() -> Template.parse("/v2/users/{{id")).hasMessageContaining("unclosed");
    assertThatThrownBy(() -> Template.parse("{{ }}")).hasMessageContaining("empty placeholder");
    assertThatThrownBy(() -> Template.parse("{{x|upper}}")).hasMessageContaining("unknown filter 'upper'");
    assertThatThrownBy(() -> Template.parse("{{response.items[x]}}")).hasMessageContaining("list index");
  }

  @Test
  void runOptionsParseCliAssignments() {
    RunOptions o = RunOptions.builder().setAssignment("card_reason=FRAUD")
        .setAssignment("mailing_address={\"line1\":\"1 Main St\",\"country\":\"US\"}")
        .setAssignment("note=a=b").build();
    assertThat(o.variable("card_reason")).contains(TextNode.valueOf("FRAUD"));
    assertThat(o.variable("mailing_address").orElseThrow().get("country").asText()).isEqualTo("US");
    assertThat(o.variable("note")).contains(TextNode.valueOf("a=b"));
    assertThatThrownBy(() -> RunOptions.builder().setAssignment("nokey")).hasMessageContaining("key=value");
    assertThatThrownBy(() -> RunOptions.builder().setAssignment("x={oops")).hasMessageContaining("not valid JSON");
  }
}
