package org.brexsync.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A lazy value is made once, at first use; a failed attempt stores nothing. */
class LazyTest {
  @Test
  void theFactoryRunsAtTheFirstGetAndOnlyOnce() {
    AtomicInteger made = new AtomicInteger();
    Lazy<String> v = Lazy.of(() -> "v" + made.incrementAndGet());
    assertThat(made).hasValue(0);

    assertThat(v.get()).isEqualTo("v1");
    assertThat(v.get()).isEqualTo("v1");
    assertThat(made).hasValue(1);
  }

  @Test
  void aFactoryThatThrowsIsTriedAgainAndNullIsRefused() {
    AtomicInteger calls = new AtomicInteger();
    Lazy<String> v = Lazy.of(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("not yet");
      }
      return "made";
    });
    assertThatThrownBy(v::get).hasMessage("not yet");
    assertThat(v.get()).isEqualTo("made");
    assertThat(calls).hasValue(2);

    assertThatThrownBy(Lazy.of(() -> null)::get).isInstanceOf(NullPointerException.class);
  }
}
