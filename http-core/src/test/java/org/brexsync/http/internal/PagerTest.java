package org.brexsync.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pager's guards: a repeat of what the server already gave, the maxPages bound, vendor stops. */
class PagerTest {
  /** Cursor paging over fixed pages: page name -> (items, next cursor). */
  static class Cursors implements Pager.Source<String, Map.Entry<List<String>, String>, List<String>> {
    final Map<String, Map.Entry<List<String>, String>> pages;
    final List<String> fetched = new ArrayList<>();

    Cursors(Map<String, Map.Entry<List<String>, String>> pages) {
      this.pages = pages;
    }

    @Override
    public String start() {
      return "p1";
    }

    @Override
    public Map.Entry<List<String>, String> fetch(String at) {
      fetched.add(at);
      return pages.get(at);
    }

    @Override
    public Optional<?> repeatKey(String at, Map.Entry<List<String>, String> page) {
      return Optional.ofNullable(page.getValue());
    }

    @Override
    public Collection<?> seedKeys() {
      return List.of("p1");
    }

    @Override
    public Pager.Step<String, List<String>> step(String at, Map.Entry<List<String>, String> page) {
      return new Pager.Step<>(page.getKey(), Optional.ofNullable(page.getValue()));
    }

    @Override
    public RuntimeException repeated(String at, Map.Entry<List<String>, String> page, int fetched) {
      return new IllegalStateException("repeat of " + page.getValue() + " on page " + fetched);
    }

    @Override
    public RuntimeException tooManyPages(int maxPages) {
      return new IllegalStateException("more than " + maxPages + " pages");
    }
  }

  static Map.Entry<List<String>, String> page(String next, String... items) {
    return new java.util.AbstractMap.SimpleImmutableEntry<>(List.of(items), next);
  }

  static List<List<String>> drain(Iterable<List<String>> pages) {
    List<List<String>> out = new ArrayList<>();
    pages.forEach(out::add);
    return out;
  }

  @Test
  void pagesAreFetchedLazilyOneAtATime() {
    Cursors src = new Cursors(Map.of("p1", page("p2", "a"), "p2", page(null, "b")));
    Iterator<List<String>> it = new Pager<>(src, 10, 8).iterator();
    assertThat(src.fetched).isEmpty();
    assertThat(it.next()).containsExactly("a");
    assertThat(src.fetched).containsExactly("p1");
    assertThat(it.next()).containsExactly("b");
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  void aCursorHandedOutAgainStopsTheIterationInsteadOfLoopingForEver() {
    Cursors src = new Cursors(Map.of("p1", page("p2", "a"), "p2", page("p1", "b")));
    Iterator<List<String>> it = new Pager<>(src, 1000, 8).iterator();
    assertThat(it.next()).containsExactly("a");
    assertThatThrownBy(it::next).hasMessage("repeat of p1 on page 2");
    assertThat(it.hasNext()).isFalse();
    assertThat(src.fetched).containsExactly("p1", "p2");
  }

  @Test
  void aPageThatPointsAtItselfIsARepeatOfTheStart() {
    Cursors src = new Cursors(Map.of("p1", page("p1")));
    assertThatThrownBy(() -> drain(new Pager<>(src, 1000, 8))).hasMessage("repeat of p1 on page 1");
  }

  @Test
  void aCycleLongerThanTheMemoryEndsAtMaxPages() {
    // p1 -> p2 -> p3 -> p1 with only one key remembered: the repeat is not seen, the bound is
    Cursors src = new Cursors(Map.of("p1", page("p2", "a"), "p2", page("p3", "b"), "p3", page("p1", "c")));
    assertThatThrownBy(() -> drain(new Pager<>(src, 7, 1))).hasMessage("more than 7 pages");
    assertThat(src.fetched).hasSize(7);
  }

  @Test
  void aVendorStopInAStepEndsTheIteration() {
    Cursors src = new Cursors(Map.of("p1", page("p2", "a"), "p2", page(null, "b"))) {
      @Override
      public Pager.Step<String, List<String>> step(String at, Map.Entry<List<String>, String> page) {
        if (at.equals("p2")) {
          throw new IllegalStateException("total shrank");
        }
        return super.step(at, page);
      }
    };
    Iterator<List<String>> it = new Pager<>(src, 10, 8).iterator();
    it.next();
    assertThatThrownBy(it::next).hasMessage("total shrank");
    assertThat(it.hasNext()).isFalse();
  }

  @Test
  void eachIterationStartsAgainFromTheFirstPage() {
    Cursors src = new Cursors(Map.of("p1", page("p2", "a"), "p2", page(null, "b")));
    Pager<String, Map.Entry<List<String>, String>, List<String>> pager = new Pager<>(src, 10, 8);
    assertThat(drain(pager)).hasSize(2);
    assertThat(drain(pager)).hasSize(2);
    assertThat(src.fetched).containsExactly("p1", "p2", "p1", "p2");
  }

  @Test
  void maxPagesMustBePositive() {
    assertThatThrownBy(() -> new Pager<>(new Cursors(Map.of()), 0, 8))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
