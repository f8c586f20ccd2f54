package org.brexsync.oomnitza.internal;

import java.util.stream.Collectors;
import org.brexsync.http.internal.Call;
import org.brexsync.oomnitza.ExternalId;
import org.brexsync.oomnitza.ListQuery;

/** Puts a {@link ListQuery} page on the wire. */
final class Queries {
  private Queries() {}

  static Call.Builder page(Call.Builder b, Transport t, ListQuery q, long skip, int limit) {
    b.query("limit", Integer.toString(limit)).query("skip", Long.toString(skip));
    q.sortBy().ifPresent(s -> b.query("sortby", s.toQueryValue()));
    q.filter().ifPresent(f -> b.query("filter", f.toExpression(t.conventions().filterSyntax())));
    if (!q.fields().isEmpty()) {
      b.query("fields", q.fields().stream().map(ExternalId::value).collect(Collectors.joining(",")));
    }
    return b;
  }
}
