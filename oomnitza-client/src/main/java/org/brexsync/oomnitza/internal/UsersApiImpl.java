package org.brexsync.oomnitza.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.brexsync.http.internal.Call;
import org.brexsync.http.internal.Response;
import org.brexsync.oomnitza.ExternalId;
import org.brexsync.oomnitza.FieldCatalog;
import org.brexsync.oomnitza.FieldId;
import org.brexsync.oomnitza.FieldRecord;
import org.brexsync.oomnitza.ListQuery;
import org.brexsync.oomnitza.OomnitzaException;
import org.brexsync.oomnitza.OomnitzaNotFoundException;
import org.brexsync.oomnitza.OomnitzaResponseException;
import org.brexsync.oomnitza.OomnitzaUser;
import org.brexsync.oomnitza.PagedIterable;
import org.brexsync.oomnitza.RequestOptions;
import org.brexsync.oomnitza.UsersApi;
import org.brexsync.oomnitza.filter.Filter;

/** REST v3 users. */
public final class UsersApiImpl implements UsersApi {
  private final Transport t;

  /** Uses {@code transport}. */
  public UsersApiImpl(Transport transport) {
    this.t = transport;
  }

  private String base() {
    return t.conventions().usersPath();
  }

  @Override
  public PagedIterable<OomnitzaUser> list(ListQuery query, RequestOptions options) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(options, "options");
    return new OffsetPager<>(query, base(), t.maxPages(), (skip, limit) -> {
      Call call = Queries.page(Call.of("GET", base()), t, query, skip, limit).options(options)
          .operation(Call.operationOf("GET", base())).build();
      return t.execute(call, r -> new OffsetPager.Page<>(Rows.list(t, r).stream()
          .map(n -> OomnitzaUser.of(Rows.fields(n)))
          .collect(Collectors.toList()), Rows.total(t, r), r));
    });
  }

  @Override
  public Optional<OomnitzaUser> get(String ident, RequestOptions options) {
    Objects.requireNonNull(options, "options");
    Call call = Call.of("GET", base() + "/" + Transport.segment("ident", ident)).options(options)
        .operation(Call.operationOf("GET", base() + "/{ident}")).build();
    try {
      return t.execute(call, r -> Rows.object(t, r).map(n -> OomnitzaUser.of(Rows.fields(n))));
    } catch (OomnitzaNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<OomnitzaUser> find(ExternalId field, String value, RequestOptions options) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(value, "value");
    ListQuery q = ListQuery.builder().filter(Filter.eq(field, value)).pageSize(2).maxResults(2L).build();
    List<OomnitzaUser> found = list(q, options).toList();
    if (found.size() > 1) {
      throw new OomnitzaException("More than one Oomnitza user has the same " + field.value()
          + "; find() needs a unique field");
    }
    return found.stream().findFirst();
  }

  @Override
  public List<OomnitzaUser> findAll(ExternalId field, Collection<String> values, RequestOptions options) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(values, "values");
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(values));
    List<OomnitzaUser> out = new ArrayList<>();
    int chunk = t.conventions().maxFilterValues();
    for (int i = 0; i < distinct.size(); i += chunk) {
      List<String> part = distinct.subList(i, Math.min(distinct.size(), i + chunk));
      list(ListQuery.of(Filter.in(field.value(), part)), options).forEach(out::add);
    }
    return out;
  }

  @Override
  public OomnitzaUser create(OomnitzaUser user, RequestOptions options) {
    Objects.requireNonNull(user, "user");
    if (user.size() == 0) {
      throw new IllegalArgumentException("a user to create needs at least one field");
    }
    Call call = Call.of("POST", base())
        .operation(Call.operationOf("POST", base()))
        .json(t.toJson(user.fields()))
        .idempotency(Call.Idempotency.NON_IDEMPOTENT)
        .options(options)
        .build();
    Response r = t.execute(call);
    return Rows.object(t, r).map(n -> OomnitzaUser.of(Rows.fields(n))).orElse(user);
  }

  @Override
  public OomnitzaUser update(String ident, FieldRecord changes, RequestOptions options) {
    Objects.requireNonNull(changes, "changes");
    if (changes.size() == 0) {
      throw new IllegalArgumentException("an update needs at least one changed field");
    }
    Call call = Call.of("PATCH", base() + "/" + Transport.segment("ident", ident))
        .operation(Call.operationOf("PATCH", base() + "/{ident}"))
        .json(t.toJson(changes.fields()))
        .idempotency(Call.Idempotency.IDEMPOTENT) // sets fields: repeating sets the same values
        .options(options)
        .build();
    Response r = t.execute(call);
    return Rows.object(t, r).map(n -> OomnitzaUser.of(Rows.fields(n))).orElse(OomnitzaUser.of(changes));
  }

  @Override
  public void delete(String ident, RequestOptions options) {
    t.execute(Call.of("DELETE", base() + "/" + Transport.segment("ident", ident)).options(options)
        .operation(Call.operationOf("DELETE", base() + "/{ident}")).build());
  }

  @Override
  public FieldCatalog fieldCatalog(RequestOptions options) {
    Objects.requireNonNull(options, "options");
    Response r = t.execute(Call.of("GET", t.conventions().usersMetaPath()).options(options)
        .operation(Call.operationOf("GET", t.conventions().usersMetaPath())).build());
    JsonNode body = t.readTree(r);
    String idProperty = t.conventions().metaFieldIdProperty();
    FieldCatalog.Builder b = FieldCatalog.builder();
    if (body.isObject()) {
      // The description's "Metadata fields": {"<external_id>": {<Metadata field>}, ...}
      body.fields().forEachRemaining(e -> put(b, e.getKey(), e.getValue(), idProperty));
    } else if (body.isArray()) {
      // Tolerated: a list of field descriptions that carry their own external_id.
      for (JsonNode f : body) {
        put(b, f.path("external_id").asText(""), f, idProperty);
      }
    } else {
      throw new OomnitzaResponseException(r.status(), r.call().method(), r.call().path(),
          "expected the users data model as a JSON object keyed by External ID, found " + body.getNodeType(), null);
    }
    return b.build();
  }

  private static void put(FieldCatalog.Builder b, String externalId, JsonNode field, String idProperty) {
    JsonNode id = field.path(idProperty);
    if (externalId.isBlank() || !id.isTextual() || id.asText().isBlank()) {
      return;
    }
    try {
      b.put(ExternalId.of(externalId), FieldId.of(id.asText()));
    } catch (IllegalArgumentException e) {
      // Not a usable id (the property holds something else for this field): leave the field out.
    }
  }

  @Override
  public String identOf(OomnitzaUser user) {
    ExternalId f = t.conventions().userIdentField();
    return user.text(f).filter(s -> !s.isEmpty()).orElseThrow(() ->
        new IllegalArgumentException("the user has no " + f.value() + " (the configured ident field)"));
  }
}
