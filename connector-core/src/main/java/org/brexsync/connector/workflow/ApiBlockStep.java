package org.brexsync.connector.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.brexsync.connector.Connection;
import org.brexsync.connector.workflow.internal.BrexChecks;
import org.brexsync.connector.workflow.internal.HttpSender;
import org.brexsync.connector.workflow.internal.Renderer;
import org.brexsync.connector.workflow.internal.Template;

/** A step that renders and sends an {@link ApiBlock}. */
final class ApiBlockStep extends WorkflowStep {
  /** The built-in variable holding the request's idempotency key. */
  static final String IDEMPOTENCY_KEY = "idempotency_key";

  private final ApiBlock block;

  ApiBlockStep(ApiBlock block) {
    this.block = block;
  }

  @Override
  public String name() {
    return block.name();
  }

  @Override
  public List<ResponseMapping> positive() {
    return block.positive();
  }

  @Override
  public List<ResponseMapping> negative() {
    return block.negative();
  }

  @Override
  Prepared prepare(StepContext ctx, Services services) {
    AtomicReference<String> generatedKey = new AtomicReference<>();
    Renderer r = new Renderer(name -> {
      Optional<JsonNode> v = ctx.variable(name);
      if (v.isEmpty() && name.equals(IDEMPOTENCY_KEY) && generatedKey.get() != null) {
        return Optional.of(TextNode.valueOf(generatedKey.get()));
      }
      return v;
    }, Optional.empty(), Map.of());
    List<String> problems = new ArrayList<>();
    boolean brex = block.brexOperation().isPresent();
    if (brex) {
      // ids in the path or query must look like Brex ids: checked on the raw values, before encoding
      for (Template.Part p : Template.parse(block.url()).parts()) {
        p.expression().ifPresent(e -> r.resolve(e).map(Renderer::text)
            .flatMap(v -> BrexChecks.idProblem(e.text(), v)).ifPresent(problems::add));
      }
    }
    String pathAndQuery = r.renderUrl(block.url());
    Optional<JsonNode> body = block.body().map(r::renderBody);
    String method = block.method();
    Connection credential = block.credential().orElse(services.brexCredential);
    URI base = credential.baseUrl().orElse(services.brexBaseUri);
    String lower = pathAndQuery.toLowerCase(Locale.ROOT);
    URI uri;
    try {
      uri = lower.startsWith("http://") || lower.startsWith("https://")
          ? URI.create(pathAndQuery) : Services.join(base, pathAndQuery);
    } catch (IllegalArgumentException e) {
      problems.add("url: not a valid URL after substitution");
      uri = base;
    }
    generatedKey.set(idempotencyKey(block.brexOperation().orElse(null) == BrexOperation.CREATE_CARD,
        ctx.recordIdent() + "\n" + block.name() + "\n" + method + "\n"
            + pathAndQuery + "\n" + body.map(JsonNode::toString).orElse("")));
    Map<String, String> headers = new LinkedHashMap<>();
    block.headers().forEach((name, tpl) ->
        headers.put(name, r.renderText(Template.parse(tpl), Renderer.Place.HEADER, "header " + name)));
    boolean write = !method.equals("GET") && !method.equals("DELETE");
    if (brex && write && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Idempotency-Key"))) {
      headers.put("Idempotency-Key", generatedKey.get());
    }
    if (brex) {
      if (r.missing().isEmpty()) {
        problems.addAll(BrexChecks.bodyProblems(block.brexOperation().get(), body));
      }
    }
    problems.addAll(0, r.invalid());
    if (!r.missing().isEmpty() || !problems.isEmpty()) {
      throw new WorkflowInputException(name(), r.missing(), problems);
    }
    // the runner's Brex token only ever goes to the Brex host; other hosts need the block's own credential
    boolean auth = block.credential().isPresent() || sameOrigin(uri, services.brexBaseUri);
    Map<String, String> shown = new LinkedHashMap<>(headers);
    if (auth) {
      shown.put(block.authHeader(), block.authScheme().isEmpty() ? "****" : block.authScheme() + " ****");
    }
    PlannedRequest planned = new PlannedRequest(method, uri, shown, body);
    URI target = uri;
    return new Prepared() {
      @Override
      public PlannedRequest planned() {
        return planned;
      }

      @Override
      public Response send() {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (auth) {
          String token = services.token(credential);
          h.put(block.authHeader(), block.authScheme().isEmpty() ? token : block.authScheme() + " " + token);
        }
        boolean toBrex = sameOrigin(target, services.brexBaseUri);
        if (toBrex && block.brexOperation().orElse(null) == BrexOperation.CREATE_CARD
            && !services.cardCreationLimiter.tryAcquire()) {
          throw new WorkflowException("the client-side Brex card-creation budget ("
              + services.cardCreationLimiter.permits() + " per " + services.cardCreationLimiter.period()
              + ") is used up; nothing was sent");
        }
        try {
          HttpSender.Answer a = services.http.send(method, target, h, body,
              toBrex ? Optional.of(services.brexLimiter) : Optional.empty(),
              Optional.of(HttpSender.operationOf(method, block.url())),
              Optional.of(toBrex ? "Brex" : "Workflow"));
          return new Response(a.status(), a.headers(), a.body());
        } catch (HttpSender.SendException e) {
          throw new WorkflowException(e.getMessage(), e);
        }
      }
    };
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(lower(a.getScheme()), lower(b.getScheme())) && Objects.equals(lower(a.getHost()), lower(b.getHost()))
        && effectivePort(a) == effectivePort(b);
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static int effectivePort(URI u) {
    if (u.getPort() >= 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  /**
   * The generated Idempotency-Key. Always the same on every attempt of one send. For card creation
   * it is derived from the record and the request, so re-running the same request never creates a
   * second card; for other writes it is random, because a derived key would make Brex replay an
   * old answer when the same change is wanted again later (activate, deactivate, activate).
   */
  static String idempotencyKey(boolean derived, String content) {
    return derived ? UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString()
        : UUID.randomUUID().toString();
  }
}
