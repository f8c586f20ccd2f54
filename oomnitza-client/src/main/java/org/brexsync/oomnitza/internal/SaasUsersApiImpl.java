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
import org.brexsync.oomnitza.ListQuery;
import org.brexsync.oomnitza.OomnitzaRecord;
import org.brexsync.oomnitza.PagedIterable;
import org.brexsync.oomnitza.OomnitzaResponseException;
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
  public PagedIterable<OomnitzaRecord> list(SaasUserQuery query) {
    Objects.requireNonNull(query, "query");
    return paged(t.conventions().saasUsersPath(), query, b -> {
      query.filter().ifPresent(f -> b.query("filter", f.toExpression(t.conventions().filterSyntax())));
      query.text().ifPresent(s -> b.query("text", s));
    });
  }

  @Override
  public PagedIterable<OomnitzaRecord> listForSaas(String saasId, SaasUserQuery query) {
    Objects.requireNonNull(query, "query");
    return paged(usersOf(saasId), query, b -> query.lastVisit().ifPresent(s -> b.query("last_visit", s)));
  }

  private PagedIterable<OomnitzaRecord> paged(String path, SaasUserQuery query, Consumer<Call.Builder> params) {
    ListQuery pages = ListQuery.builder().pageSize(query.pageSize()).build();
    return new OffsetPager<>(pages, (skip, limit) -> {
      Call.Builder b = Call.of("GET", path).query("limit", Integer.toString(limit)).query("skip", Long.toString(skip));
      params.accept(b);
      if (!query.roles().isEmpty()) {
        b.query("roles", String.join(",", query.roles()));
      }
      Response r = t.execute(b.build());
      return new OffsetPager.Page<>(records(r), Rows.total(t, r), r);
    });
  }

  @Override
  public JsonNode assign(String saasId, Collection<SaasAssignment> assignments) {
    Objects.requireNonNull(assignments, "assignments");
    if (assignments.isEmpty()) {
      throw new IllegalArgumentException("nothing to assign");
    }
    Response r = t.execute(Call.of("POST", usersOf(saasId))
        .json(t.toJson(new ArrayList<>(assignments)))
        .idempotency(Call.Idempotency.IDEMPOTENT) // assign=true/false sets a state
        .build());
    return t.readTree(r);
  }

  @Override
  public JsonNode storeExternalId(String saasId, String userId, String userExternalId) {
    Objects.requireNonNull(userExternalId, "userExternalId");
    ObjectNode body = t.mapper().createObjectNode().put("user_external_id", userExternalId);
    Response r = t.execute(Call.of("POST", usersOf(saasId) + "/" + Transport.segment(userId))
        .json(t.toJson(body))
        .idempotency(Call.Idempotency.IDEMPOTENT) // stores a value; repeating stores the same value
        .build());
    return t.readTree(r);
  }

  @Override
  public List<SaasActivationResult> activate(Collection<String> saasUserIds) {
    return activation("activate", saasUserIds);
  }

  @Override
  public List<SaasActivationResult> deactivate(Collection<String> saasUserIds) {
    return activation("deactivate", saasUserIds);
  }

  private List<SaasActivationResult> activation(String action, Collection<String> ids) {
    Objects.requireNonNull(ids, "saasUserIds");
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no SaaS user ids");
    }
    ObjectNode body = t.mapper().createObjectNode();
    ArrayNode arr = body.putArray("saas_user_ids");
    ids.forEach(arr::add);
    Response r = t.execute(Call.of("PATCH", t.conventions().saasUsersPath() + "/" + action)
        .json(t.toJson(body))
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

  private String usersOf(String saasId) {
    return t.conventions().saasPath() + "/" + Transport.segment(saasId) + "/users";
  }

  private List<OomnitzaRecord> records(Response r) {
    return Rows.list(t, r).stream().map(n -> OomnitzaRecord.of(Rows.fields(n))).collect(Collectors.toList());
  }
}
