package org.brexsync.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The sandbox: both simulators, the same synthetic company every time, Oomnitza holding every third person. */
class SandboxTest {

  @Test
  void startsBothSimulatorsWithTheSeededCompanyAndEveryThirdPersonInOomnitza() {
    try (Sandbox s = Sandbox.builder().users(10).customField("brex_status").start()) {
      assertThat(s.company().spec().seed()).isEqualTo(Sandbox.SEED);
      assertThat(s.brex().userCount()).isEqualTo(10);
      // persons 3, 6 and 9 (the admin, person 0, is not an HR import)
      assertThat(s.oomnitza().userCount()).isEqualTo(3);
      assertThat(s.oomnitza().userBy("email", s.company().email(6))).isPresent();
      assertThat(s.cardCount()).isEqualTo(java.util.stream.IntStream.range(0, 10).mapToLong(s.company()::cardCount).sum());
      Http o = Http.oomnitza(s.oomnitza());
      assertThat(o.get("/api/v3/users/meta").json().has("brex_status")).isTrue();
      assertThat(s.brexUri()).isEqualTo(s.brex().baseUri());
      assertThat(Http.brex(s.brex()).get("/v2/users/me").status()).isEqualTo(200);
    }
  }

  @Test
  void startsOomnitzaEmptyWhenAsked() {
    try (Sandbox s = Sandbox.builder().users(10).preloadOomnitza(false).start()) {
      assertThat(s.oomnitza().userCount()).isZero();
      assertThat(s.brex().userCount()).isEqualTo(10);
    }
  }

  @Test
  void refusesASizeOrPortOutOfRange() {
    assertThatThrownBy(() -> Sandbox.start(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sandbox users must be within 1..100000, got 0");
    assertThatThrownBy(() -> Sandbox.builder().users(Sandbox.MAX_USERS + 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sandbox.builder().brexPort(65536)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..65535");
    assertThatThrownBy(() -> Sandbox.builder().oomnitzaPort(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
