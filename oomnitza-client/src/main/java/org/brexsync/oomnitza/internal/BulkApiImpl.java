package org.brexsync.oomnitza.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.brexsync.http.internal.Call;
import org.brexsync.http.internal.Response;
import org.brexsync.oomnitza.ListQuery;
import org.brexsync.oomnitza.OomnitzaCancelledException;
import org.brexsync.oomnitza.OomnitzaNotFoundException;
import org.brexsync.oomnitza.OomnitzaResponseException;
import org.brexsync.oomnitza.PagedIterable;
import org.brexsync.oomnitza.RequestOptions;
import org.brexsync.oomnitza.bulk.BulkApi;
import org.brexsync.oomnitza.bulk.BulkRecord;
import org.brexsync.oomnitza.bulk.BulkRun;
import org.brexsync.oomnitza.bulk.BulkRunOptions;
import org.brexsync.oomnitza.bulk.BulkRunResult;
import org.brexsync.oomnitza.bulk.ConnectorRef;
import org.brexsync.oomnitza.bulk.RunLogDetails;
import org.brexsync.oomnitza.bulk.RunLogEntry;

/** The connector ("bulk") API. */
public final class BulkApiImpl implements BulkApi {
  private static final int MAX_FATAL_MESSAGE = 500;

  private final Transport t;

  /** Uses {@code transport}. */
  public BulkApiImpl(Transport transport) {
    this.t = transport;
  }

  @Override
  public BulkRun start(BulkRunOptions options) {
    Objects.requireNonNull(options, "options");
    String portion = options.portion().orElseGet(UUID::randomUUID).toString();
    return new BulkRunImpl(this, t, options, portion);
  }

  @Override
  public BulkRunResult upload(BulkRunOptions options, Iterable<BulkRecord> records) {
    Objects.requireNonNull(records, "records");
    BulkRun run = start(options);
    try {
      run.addAll(records);
      run.flush();
    } catch (OomnitzaCancelledException e) {
      run.close();
      return run.result();
    } catch (RuntimeException | Error e) {
      String msg = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      run.abort(msg.length() > MAX_FATAL_MESSAGE ? msg.substring(0, MAX_FATAL_MESSAGE) : msg);
      throw e;
    }
    run.close();
    return run.result();
  }

  @Override
  public boolean isCancelled(String portion, RequestOptions options) {
    Objects.requireNonNull(options, "options");
    String path = t.conventions().bulkStatusPath().replace("{portion}", Transport.segment("portion", portion));
    try {
      return t.execute(Call.of("GET", path).options(options)
          .operation(Call.operationOf("GET", t.conventions().bulkStatusPath())).build(), r -> {
        JsonNode body = t.readTree(r);
        if (body.isNull()) {
          return false;
        }
        if (!body.isObject()) {
          throw new OomnitzaResponseException(r.status(), "GET", path, "expected a JSON object", null);
        }
        JsonNode c = body.get(t.conventions().bulkCanceledField());
        return c != null && (c.asBoolean(false) || "true".equalsIgnoreCase(c.asText()));
      });
    } catch (OomnitzaNotFoundException e) {
      return false; // the server does not know the run (yet): nothing to cancel
    }
  }

  @Override
  public void finalizeRun(String portion, RequestOptions options) {
    Objects.requireNonNull(options, "options");
    String path = t.conventions().bulkFinalizePath().replace("{portion}", Transport.segment("portion", portion));
    t.execute(Call.of("POST", path)
        .operation(Call.operationOf("POST", t.conventions().bulkFinalizePath()))
        .json("{}".getBytes(StandardCharsets.UTF_8))
        .idempotency(Call.Idempotency.IDEMPOTENT)
        .options(options)
        .build());
  }

  /**
   * Uploads one payload; bulk uploads are upserts by sync_field and retried as idempotent. Returns
   * the answer as JSON, or {@code NullNode} if it is empty or not JSON (the official connector does
   * not read it, so an unreadable answer is no error).
   */
  JsonNode post(ObjectNode payload, RequestOptions options) {
    Response r = t.execute(Call.of("POST", t.conventions().bulkPath())
        .operation(Call.operationOf("POST", t.conventions().bulkPath()))
        .json(t.toJson(payload))
        .idempotency(Call.Idempotency.IDEMPOTENT)
        .options(options)
        .build());
    try {
      return t.readTree(r);
    } catch (OomnitzaResponseException e) {
      return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
  }

  @Override
  public PagedIterable<RunLogEntry> runLogs(ConnectorRef connector, ListQuery query, RequestOptions options) {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(options, "options");
    String path = t.conventions().runLogsPath()
        .replace("{connector}", Transport.segment("connector", connector.pathValue()));
    return new OffsetPager<>(query, path, t.maxPages(), (skip, limit) ->
        t.execute(Queries.page(Call.of("GET", path), t, query, skip, limit).options(options)
                .operation(Call.operationOf("GET", t.conventions().runLogsPath())).build(),
            r -> new OffsetPager.Page<>(Rows.list(t, r).stream()
                .map(n -> t.convert(r, n, RunLogEntry.class))
                .collect(Collectors.toList()), Rows.total(t, r), r)));
  }

  @Override
  public RunLogDetails runLog(String portionId, RequestOptions options) {
    Objects.requireNonNull(options, "options");
    String path = t.conventions().runLogDetailsPath().replace("{portion}", Transport.segment("portionId", portionId));
    return t.execute(Call.of("GET", path).options(options)
        .operation(Call.operationOf("GET", t.conventions().runLogDetailsPath())).build(), r -> {
      Optional<ObjectNode> o = Rows.object(t, r);
      if (o.isEmpty()) {
        throw new OomnitzaResponseException(r.status(), "GET", path, "empty run log", null);
      }
      return t.convert(r, o.get(), RunLogDetails.class);
    });
  }
}
