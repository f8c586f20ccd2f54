package org.brexsync.connector.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.brexsync.brex.BrexApiException;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.BrexException;
import org.brexsync.brex.BrexJson;
import org.brexsync.brex.BrexValidationException;
import org.brexsync.brex.RequestOptions;
import org.brexsync.connector.workflow.internal.BrexChecks;

/**
 * A typed Brex action: the same operation as a preset, but built as a brex-client request and sent
 * through {@link BrexClient} (its validation, retries, rate limiting and idempotency keys). Obtain
 * from {@link BrexActions}; change the response mappings with {@link #withPositive} /
 * {@link #withNegative}. Immutable.
 */
public final class BrexAction extends WorkflowStep {

  /** What an action sends for one record. */
  record Call(String method, String path, Optional<Object> request) {}

  /** Builds the call from the record; throws {@link WorkflowInputException} for bad input. */
  @FunctionalInterface
  interface Plan {
    Call plan(StepContext ctx, List<String> problems);
  }

  /** Sends the call through brex-client. */
  @FunctionalInterface
  interface Send {
    Object send(BrexClient brex, Call call, RequestOptions options);
  }

  private final String name;
  private final Plan plan;
  private final Send send;
  private final List<ResponseMapping> positive;
  private final List<ResponseMapping> negative;

  BrexAction(String name, Plan plan, Send send, List<ResponseMapping> positive, List<ResponseMapping> negative) {
    this.name = Objects.requireNonNull(name);
    this.plan = plan;
    this.send = send;
    this.positive = List.copyOf(positive);
    this.negative = List.copyOf(negative);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<ResponseMapping> positive() {
    return positive;
  }

  @Override
  public List<ResponseMapping> negative() {
    return negative;
  }

  /**
   * {@return this action with other positive mappings}
   *
   * @param mappings the mappings
   */
  public BrexAction withPositive(List<ResponseMapping> mappings) {
    return new BrexAction(name, plan, send, mappings, negative);
  }

  /**
   * {@return this action with other positive mappings}
   *
   * @param mappings the mappings
   */
  public BrexAction withPositive(ResponseMapping... mappings) {
    return withPositive(List.of(mappings));
  }

  /**
   * {@return this action with other negative mappings}
   *
   * @param mappings the mappings
   */
  public BrexAction withNegative(List<ResponseMapping> mappings) {
    return new BrexAction(name, plan, send, positive, mappings);
  }

  /**
   * {@return this action under another name (in reports)}
   *
   * @param newName the new name
   */
  public BrexAction named(String newName) {
    return new BrexAction(newName, plan, send, positive, negative);
  }

  @Override
  Prepared prepare(StepContext ctx, Services services) {
    List<String> problems = new ArrayList<>();
    Call call;
    try {
      call = plan.plan(ctx, problems);
    } catch (WorkflowInputException e) {
      throw new WorkflowInputException(name, e.missingVariables(), e.problems());
    } catch (BrexValidationException e) {
      throw new WorkflowInputException(name, List.of(), BrexChecks.violations(e.violations()));
    } catch (IllegalStateException | IllegalArgumentException e) {
      // builders of brex-client request types reject missing required fields
      throw new WorkflowInputException(name, List.of(), List.of(String.valueOf(e.getMessage())));
    }
    if (!problems.isEmpty()) {
      throw new WorkflowInputException(name, List.of(), problems);
    }
    Optional<JsonNode> body = call.request().map(BrexJson::toJsonTree);
    boolean write = !call.method().equals("GET");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer ****");
    String key = null;
    if (write) {
      key = ctx.text(ApiBlockStep.IDEMPOTENCY_KEY).orElseGet(() -> ApiBlockStep.idempotencyKey(
          call.path().equals("/v2/cards"), ctx.recordIdent() + "\n" + name + "\n" + call.method() + "\n"
              + call.path() + "\n" + body.map(JsonNode::toString).orElse("")));
      headers.put("Idempotency-Key", key);
    }
    PlannedRequest planned = new PlannedRequest(call.method(), Services.join(services.brexBaseUri, call.path()),
        headers, body);
    RequestOptions options = key == null ? RequestOptions.defaults() : RequestOptions.idempotencyKey(key);
    return new Prepared() {
      @Override
      public PlannedRequest planned() {
        return planned;
      }

      @Override
      public Response send() {
        try {
          Object result = send.send(services.brex.get(), call, options);
          return new Response(200, Map.of(), Optional.of(toJson(result)));
        } catch (BrexApiException e) {
          ObjectNode err = JsonNodeFactory.instance.objectNode();
          e.type().ifPresent(t -> err.put("type", t));
          e.code().ifPresent(c -> err.put("code", c));
          e.brexMessage().ifPresent(m -> err.put("message", m));
          err.put("status", e.status());
          Map<String, List<String>> h = e.traceId().map(t -> Map.of("X-Brex-Trace-Id", List.of(t)))
              .orElse(Map.of());
          return new Response(e.status(), h, Optional.of(err));
        } catch (BrexException e) {
          throw new WorkflowException(e.getMessage(), e);
        }
      }
    };
  }

  private static JsonNode toJson(Object result) {
    if (result instanceof JsonNode) {
      return (JsonNode) result;
    }
    return BrexJson.toJsonTree(result);
  }
}
