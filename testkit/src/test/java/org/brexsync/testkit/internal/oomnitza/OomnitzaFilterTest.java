package org.brexsync.testkit.internal.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OomnitzaFilterTest {
  static final Set<String> FIELDS = Set.of("username", "email", "role", "suspended", "creation_date", "position");
  static final Map<String, Object> JIM = Map.of("username", "jim", "email", "Jim@Acme.example", "role", 25L,
      "suspended", false, "creation_date", 1_700_000_000L);

  static boolean eval(String filter) {
    Predicate<OomnitzaFilter.Record> p = OomnitzaFilter.parse(filter, FIELDS::contains);
    return p.test(JIM::get);
  }

  @Test
  void comparisonsAndBooleans() {
    assertThat(eval("username eq 'jim'")).isTrue();
    assertThat(eval("username EQ \"JIM\"")).isTrue();
    assertThat(eval("email = 'jim@acme.example'")).isTrue();
    assertThat(eval("role gte 25 and role lt 26")).isTrue();
    assertThat(eval("role > 25")).isFalse();
    assertThat(eval("suspended eq false")).isTrue();
    assertThat(eval("username ne 'pam'")).isTrue();
    assertThat(eval("(creation_date gt 1600000000) and (username eq 'jim')")).isTrue();
  }

  @Test
  void inLikeNullBetweenNotAndPrecedence() {
    assertThat(eval("username IN ('pam','jim')")).isTrue();
    assertThat(eval("username in [\"pam\", \"dwight\"]")).isFalse();
    assertThat(eval("username NOT IN ('pam')")).isTrue();
    assertThat(eval("email LIKE '%@acme.%'")).isTrue();
    assertThat(eval("email like 'j_m@%'")).isTrue();
    assertThat(eval("email NOT LIKE '%zz%'")).isTrue();
    assertThat(eval("position IS NULL")).isTrue();
    assertThat(eval("position is not null")).isFalse();
    assertThat(eval("role BETWEEN 20 AND 30")).isTrue();
    assertThat(eval("username between 'a' and 'c'")).isFalse();
    assertThat(eval("username eq 'x' or username eq 'jim' and role eq 1")).isFalse();
    assertThat(eval("(username eq 'x' or username eq 'jim') and role eq 25")).isTrue();
    assertThat(eval("not username eq 'jim'")).isFalse();
  }

  @Test
  void quotedQuotesAreEscapedByDoubling() {
    Predicate<OomnitzaFilter.Record> p = OomnitzaFilter.parse("username eq 'o''neil'", FIELDS::contains);
    assertThat(p.test(Map.<String, Object>of("username", "o'neil")::get)).isTrue();
  }

  @Test
  void doubleQuotedTextKnowsOnlyTheClientsBackslashEscapes() {
    Map<String, Object> odd = Map.of("username", "o\"neil \\ co");
    assertThat(OomnitzaFilter.parse("username eq \"o\\\"neil \\\\ co\"", FIELDS::contains).test(odd::get)).isTrue();
    // SQL-style doubling is oomnitza-client's other FilterSyntax, never its default: inside double
    // quotes the simulator refuses it, so a client that silently switched styles fails loudly.
    assertThatThrownBy(() -> eval("username eq \"o\"\"neil\"")).hasMessageStartingWith("Invalid filter");
    assertThatThrownBy(() -> eval("username eq \"a\\b\"")).hasMessageContaining("invalid escape");
    assertThatThrownBy(() -> eval("username eq \"a\\\"")).hasMessageStartingWith("Invalid filter");
  }

  @Test
  void rejectsWhatItDoesNotUnderstand() {
    for (String bad : List.of("", "username", "username eq", "eq 'x'", "nope eq 'x'", "username ~= 'x'",
        "username eq 'x' and", "(username eq 'x'", "username eq 'x')", "username IN 'x'", "username eq 'open",
        "username like", "role between 1", "username is 'x'", "username eq 'a' xor role eq 1", "username eq #")) {
      assertThatThrownBy(() -> eval(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Invalid filter");
    }
  }

  @Test
  void recognisesIndexableEqualities() {
    assertThat(OomnitzaFilter.equalityLookup("email eq 'a@b.c'")).containsExactly("email", "a@b.c");
    assertThat(OomnitzaFilter.equalityLookup("brex_user_id IN ('u1','u2')")).containsExactly("brex_user_id", "u1", "u2");
    assertThat(OomnitzaFilter.equalityLookup("email eq 'a' and role eq 1")).isNull();
    assertThat(OomnitzaFilter.equalityLookup("email like 'a%'")).isNull();
  }
}
