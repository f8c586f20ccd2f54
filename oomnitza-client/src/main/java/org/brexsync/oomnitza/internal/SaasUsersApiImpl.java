package org.brexsync.oomnitza.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.brexsync.http.internal.Call;
import org.brexsync.http.internal.Response;
import org.brexsync.oomnitza.ListQuery;
import org.brexsync.oomnitza.OomnitzaRecord;
import org.brexsync.oomnitza.OomnitzaResponseException;
import org.brexsync.oomnitza.PagedIterable;
import org.brexsync.oomnitza.RequestOptions;
import org.brexsync.oomnitza.saas.SaasActivationResult;
import org.brexsync.oomnitza.saas.SaasAssignment;
import org.brexsync.oomnitza.saas.SaasUserQuery;
import org.brexsync.oomnitza.saas.SaasUsersApi;

/** SaaS users. */
public final class SaasUsersApiImpl implements SaasUsersApi {
  private final Transport t;

  /** Uses {@code transport}. */
  public SaasUsersApiImpl(Transport transport) {
    this.t = transport;
  }

  @Override
  public PagedIterable<OomnitzaRecord> list(SaasUserQuery query, RequestOptions options) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(options, "options");
    return paged(t.conventions().saasUsersPath(), t.conventions().saasUsersPath(), query, options, b -> {
      query.filter().ifPresent(f -> b.query("filter", f.toExpression(t.conventions().filterSyntax())));
      query.text().ifPresent(s -> b.query("text", s));
    });
  }

  @Override
  public PagedIterable<OomnitzaRecord> listForSaas(String saasId, SaasUserQuery query, RequestOptions options) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(options, "options");
    return paged(usersOf(saasId), usersTemplate(), query, options,
        b -> query.lastVisit().ifPresent(s -> b.query("last_visit", s)));
  }

  private PagedIterable<OomnitzaRecord> paged(String path, String template, SaasUserQuery query,
      RequestOptions options, Consumer<Call.Builder> params) {
    ListQuery pages = ListQuery.builder().pageSize(query.pageSize()).build();
    return new OffsetPager<>(pages, path, t.maxPages(), (skip, limit) -> {
      Call.Builder b = Call.of("GET", path).operation(Call.operationOf("GET", template))
          .query("limit", Integer.toString(limit)).query("skip", Long.toString(skip));
      params.accept(b);
      if (!query.roles().isEmpty()) {
        b.query("roles", String.join(",", query.roles()));
      }
      return t.execute(b.options(options).build(),
          r -> new OffsetPager.Page<>(records(r), Rows.total(t, r), r));
    });
  }

  @Override
  public JsonNode assign(String saasId, Collection<SaasAssignment> assignments, RequestOptions options) {
    Objects.requireNonNull(assignments, "assignments");
    Objects.requireNonNull(options, "options");
    if (assignments.isEmpty()) {
      throw new IllegalArgumentException("nothing to assign");
    }
    Response r = t.execute(Call.of("POST", usersOf(saasId))
        .operation(Call.operationOf("POST", usersTemplate()))
        .json(t.toJson(new ArrayList<>(assignments)))
        .idempotency(Call.Idempotency.IDEMPOTENT) // assign=true/false sets a state
        .options(options)
        .build());
    return t.readTree(r);
  }

  @Override
  public JsonNode storeExternalId(String saasId, String userId, String userExternalId, RequestOptions options) {
    Objects.requireNonNull(userExternalId, "userExternalId");
    Objects.requireNonNull(options, "options");
    ObjectNode body = t.mapper().createObjectNode().put("user_external_id", userExternalId);
    Response r = t.execute(Call.of("POST", usersOf(saasId) + "/" + Transport.segment("userId", userId))
        .operation(Call.operationOf("POST", usersTemplate() + "/{userId}"))
        .json(t.toJson(body))
        .idempotency(Call.Idempotency.IDEMPOTENT) // stores a value; repeating stores the same value
        .options(options)
        .build());
    return t.readTree(r);
  }

  @Override
  public List<SaasActivationResult> activate(Collection<String> saasUserIds, RequestOptions options) {
    return activation("activate", saasUserIds, options);
  }

  @Override
  public List<SaasActivationResult> deactivate(Collection<String> saasUserIds, RequestOptions options) {
    return activation("deactivate", saasUserIds, options);
  }

  private List<SaasActivationResult> activation(String action, Collection<String> ids, RequestOptions options) {
    Objects.requireNonNull(ids, "saasUserIds");
    Objects.requireNonNull(options, "options");
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no SaaS user ids");
    }
    ObjectNode body = t.mapper().createObjectNode();
    ArrayNode arr = body.putArray("saas_user_ids");
    ids.forEach(arr::add);
    Response r = t.execute(Call.of("PATCH", t.conventions().saasUsersPath() + "/" + action)
        .operation(Call.operationOf("PATCH", t.conventions().saasUsersPath() + "/" + action))
        .json(t.toJson(body))
        .idempotency(Call.Idempotency.IDEMPOTENT) // sets a state: repeating sets the same state
        .options(options)
        .build());
    JsonNode n = t.readTree(r);
    if (n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new OomnitzaResponseException(r.status(), "PATCH", r.call().path(), "expected a JSON array", null);
    }
    List<SaasActivationResult> out = new ArrayList<>();
    for (JsonNode e : n) {
      out.add(t.convert(r, e, SaasActivationResult.class));
    }
    return out;
  }

  /** The template of {@link #usersOf}: the operation name of its calls. */
  private String usersTemplate() {
    return t.conventions().saasPath() + "/{saasId}/users";
  }

  private String usersOf(String saasId) {
    return t.conventions().saasPath() + "/" + Transport.segment("saasId", saasId) + "/users";
  }

  private List<OomnitzaRecord> records(Response r) {
    return Rows.list(t, r).stream().map(n -> OomnitzaRecord.of(Rows.fields(n))).collect(Collectors.toList());
  }
}
