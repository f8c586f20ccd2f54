package org.brexsync.connector.workflow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.brexsync.brex.BrexJson;
import org.brexsync.brex.BrexValidation;
import org.brexsync.brex.model.ChangeCardReason;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.ListCardsRequest;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.TerminateCardRequest;
import org.brexsync.connector.workflow.internal.BrexChecks;

/**
 * The eight Brex presets as typed actions sent through brex-client. Each reads the same variables
 * and writes the same fields as its JSON preset ({@link Presets}), so either form can be used:
 *
 * <table>
 * <caption>Actions</caption>
 * <tr><th>action</th><th>variables</th><th>writes back (2xx)</th></tr>
 * <tr><td>{@link #getUserDetails()}</td><td>brex_user_id</td><td>api_response, brex_status</td></tr>
 * <tr><td>{@link #inviteUser()}</td><td>first_name, last_name, email; optional brex_department_id,
 *   brex_location_id, brex_manager_id, brex_title_id</td><td>api_response, brex_user_id, brex_status</td></tr>
 * <tr><td>{@link #activateUser()} / {@link #deactivateUser()}</td><td>brex_user_id</td><td>api_response, brex_status</td></tr>
 * <tr><td>{@link #listUserCards()}</td><td>brex_user_id</td><td>api_response (the items), brex_user_card_id (items[0].id)</td></tr>
 * <tr><td>{@link #lockCard()} / {@link #terminateCard()}</td><td>brex_user_card_id, card_reason; optional card_description</td>
 *   <td>api_response, brex_card_status</td></tr>
 * <tr><td>{@link #createCard()}</td><td>brex_user_id, card_name; optional card_type (VIRTUAL), limit_type (USER),
 *   spend_controls, mailing_address, card_metadata, idempotency_key</td><td>api_response, brex_user_card_id</td></tr>
 * </table>
 *
 * On an error answer every action writes the error ({@code type}, {@code code}, {@code message},
 * {@code status}) to api_response.
 */
public final class BrexActions {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<ResponseMapping> NEGATIVE = List.of(ResponseMapping.wholeResponse(Presets.API_RESPONSE));

  private BrexActions() {}

  /** {@return Brex Get User Details: {@code GET /v2/users/{brex_user_id}}} */
  public static BrexAction getUserDetails() {
    return new BrexAction("Brex Get User Details",
        (ctx, p) -> new BrexAction.Call("GET", "/v2/users/" + id(ctx, Presets.BREX_USER_ID, p), Optional.empty()),
        (brex, call, o) -> brex.users().get(last(call.path())),
        List.of(ResponseMapping.wholeResponse(Presets.API_RESPONSE),
            ResponseMapping.of(Presets.BREX_STATUS, "{{response.status}}")),
        NEGATIVE);
  }

  /** {@return Brex Invite User from the record's first_name, last_name and email (+ optional Brex ids)} */
  public static BrexAction inviteUser() {
    return inviteUser(ctx -> {
      org.brexsync.brex.model.InviteUserRequest.Builder b = InviteUserRequest.builder()
          .firstName(ctx.require("first_name"))
          .lastName(ctx.require("last_name"))
          .email(ctx.require("email"));
      ctx.text("brex_department_id").ifPresent(b::departmentId);
      ctx.text("brex_location_id").ifPresent(b::locationId);
      ctx.text("brex_manager_id").ifPresent(b::managerId);
      ctx.text("brex_title_id").ifPresent(b::titleId);
      return b.build();
    });
  }

  /**
   * {@return Brex Invite User with a request built from the record}
   *
   * @param request the request
   */
  public static BrexAction inviteUser(Function<StepContext, InviteUserRequest> request) {
    return new BrexAction("Brex Invite User",
        (ctx, p) -> {
          InviteUserRequest r = request.apply(ctx);
          p.addAll(BrexChecks.violations(BrexValidation.validate(r)));
          return new BrexAction.Call("POST", "/v2/users", Optional.of(r));
        },
        (brex, call, o) -> brex.users().invite((InviteUserRequest) call.request().get(), o),
        List.of(ResponseMapping.wholeResponse(Presets.API_RESPONSE),
            ResponseMapping.of(Presets.BREX_USER_ID, "{{response.id}}"),
            ResponseMapping.of(Presets.BREX_STATUS, "{{response.status}}")),
        NEGATIVE);
  }

  /** {@return Brex Activate User: {@code PUT /v2/users/{brex_user_id}} {@code {"status":"ACTIVE"}}} */
  public static BrexAction activateUser() {
    return status("Brex Activate User", "ACTIVE");
  }

  /** {@return Brex Deactivate User: {@code PUT /v2/users/{brex_user_id}} {@code {"status":"DISABLED"}}} */
  public static BrexAction deactivateUser() {
    return status("Brex Deactivate User", "DISABLED");
  }

  private static BrexAction status(String name, String status) {
    ObjectNode body = NODES.objectNode().put("status", status);
    return new BrexAction(name,
        (ctx, p) -> new BrexAction.Call("PUT", "/v2/users/" + id(ctx, Presets.BREX_USER_ID, p), Optional.of(body)),
        (brex, call, o) -> status.equals("ACTIVE")
            ? brex.users().activate(last(call.path()), o)
            : brex.users().deactivate(last(call.path()), o),
        List.of(ResponseMapping.wholeResponse(Presets.API_RESPONSE),
            ResponseMapping.of(Presets.BREX_STATUS, "{{response.status}}")),
        NEGATIVE);
  }

  /**
   * {@return Brex List User Cards: every card of {@code brex_user_id} (all pages) as {@code {"items":[...]}}}
   */
  public static BrexAction listUserCards() {
    return new BrexAction("Brex List User Cards",
        (ctx, p) -> new BrexAction.Call("GET", "/v2/cards?user_id=" + id(ctx, Presets.BREX_USER_ID, p),
            Optional.empty()),
        (brex, call, o) -> {
          String user = call.path().substring(call.path().indexOf('=') + 1);
          ObjectNode out = NODES.objectNode();
          brex.cards().list(ListCardsRequest.forUser(user)).forEach(c -> out.withArray("items").add(BrexJson.toJsonTree(c)));
          out.withArray("items");
          out.putNull("next_cursor");
          return out;
        },
        List.of(ResponseMapping.of(Presets.API_RESPONSE, "{{response['items']}}"),
            ResponseMapping.of(Presets.BREX_USER_CARD_ID, "{{response.items[0].id}}")),
        NEGATIVE);
  }

  /**
   * {@return Brex Lock Card with the reason in {@code card_reason} and optional {@code card_description}}
   */
  public static BrexAction lockCard() {
    return cardChange("Brex Lock Card", "lock", Optional.empty(), Optional.empty());
  }

  /**
   * {@return Brex Lock Card with a fixed reason and optional description}
   *
   * @param reason the reason
   * @param description the description
   */
  public static BrexAction lockCard(ChangeCardReason reason, Optional<String> description) {
    return cardChange("Brex Lock Card", "lock", Optional.of(reason), description);
  }

  /**
   * {@return Brex Terminate Card with the reason in {@code card_reason} and optional {@code card_description}}
   */
  public static BrexAction terminateCard() {
    return cardChange("Brex Terminate Card", "terminate", Optional.empty(), Optional.empty());
  }

  /**
   * {@return Brex Terminate Card with a fixed reason and optional description}
   *
   * @param reason the reason
   * @param description the description
   */
  public static BrexAction terminateCard(ChangeCardReason reason, Optional<String> description) {
    return cardChange("Brex Terminate Card", "terminate", Optional.of(reason), description);
  }

  private static BrexAction cardChange(String name, String verb, Optional<ChangeCardReason> fixedReason,
      Optional<String> fixedDescription) {
    return new BrexAction(name,
        (ctx, p) -> {
          String card = id(ctx, Presets.BREX_USER_CARD_ID, p);
          ChangeCardReason reason = fixedReason.orElseGet(() -> {
            String text = ctx.require(Presets.CARD_REASON);
            Optional<String> problem = BrexChecks.reasonProblem(text);
            if (problem.isPresent()) {
              p.add(problem.get());
              return ChangeCardReason.OTHER;
            }
            return ChangeCardReason.valueOf(text);
          });
          Optional<String> description = fixedDescription.isPresent() ? fixedDescription
              : ctx.text(Presets.CARD_DESCRIPTION);
          Object request;
          if (verb.equals("lock")) {
            LockCardRequest r = LockCardRequest.builder().reason(reason).description(description).build();
            p.addAll(BrexChecks.violations(BrexValidation.validate(r)));
            request = r;
          } else {
            TerminateCardRequest r = TerminateCardRequest.builder().reason(reason).description(description).build();
            p.addAll(BrexChecks.violations(BrexValidation.validate(r)));
            request = r;
          }
          return new BrexAction.Call("POST", "/v2/cards/" + card + "/" + verb, Optional.of(request));
        },
        (brex, call, o) -> {
          String card = call.path().split("/")[3];
          return verb.equals("lock")
              ? brex.cards().lock(card, (LockCardRequest) call.request().get(), o)
              : brex.cards().terminate(card, (TerminateCardRequest) call.request().get(), o);
        },
        List.of(ResponseMapping.wholeResponse(Presets.API_RESPONSE),
            ResponseMapping.of(Presets.BREX_CARD_STATUS, "{{response.status}}")),
        NEGATIVE);
  }

  /**
   * {@return Brex Create User Card from variables: owner {@code brex_user_id}, {@code card_name},
   * {@code card_type} (default VIRTUAL), {@code limit_type} (default USER) and optional JSON
   * {@code spend_controls}, {@code mailing_address}, {@code card_metadata} (spec JSON names)} The
   * Idempotency-Key is {@code idempotency_key} if set, else derived from the record and request, so
   * a retry or a re-run of the same request never creates a second card.
   */
  public static BrexAction createCard() {
    return createCard(ctx -> {
      List<String> missing = new java.util.ArrayList<>();
      String owner = ctx.text(Presets.BREX_USER_ID).orElse(null);
      String cardName = ctx.text("card_name").orElse(null);
      if (owner == null) {
        missing.add(Presets.BREX_USER_ID);
      }
      if (cardName == null) {
        missing.add("card_name");
      }
      if (!missing.isEmpty()) {
        throw new WorkflowInputException(ctx.stepName(), missing, List.of());
      }
      idCheck(Presets.BREX_USER_ID, owner);
      ObjectNode body = NODES.objectNode();
      body.putObject("owner").put("type", "USER").put("user_id", owner);
      body.put("card_name", cardName);
      body.put("card_type", ctx.text("card_type").orElse("VIRTUAL"));
      body.put("limit_type", ctx.text("limit_type").orElse("USER"));
      ctx.variable("spend_controls").ifPresent(v -> body.set("spend_controls", v));
      ctx.variable("mailing_address").ifPresent(v -> body.set("mailing_address", v));
      ctx.variable("card_metadata").ifPresent(v -> body.set("metadata", v));
      for (String f : List.of("card_type", "limit_type")) {
        String v = body.get(f).asText();
        List<String> allowed = f.equals("card_type") ? List.of("VIRTUAL", "PHYSICAL") : List.of("CARD", "USER");
        if (!allowed.contains(v)) {
          throw new WorkflowInputException(ctx.stepName(), List.of(),
              List.of(f + ": '" + org.brexsync.connector.workflow.internal.Excerpt.of(v) + "' is not one of " + allowed));
        }
      }
      try {
        return BrexJson.fromJsonTree(body, CreateCardRequest.class);
      } catch (RuntimeException e) {
        throw new WorkflowInputException(ctx.stepName(), List.of(),
            List.of("the card request is not valid: " + firstLine(e.getMessage())));
      }
    });
  }

  /**
   * {@return Brex Create User Card with a request built from the record}
   *
   * @param request the request
   */
  public static BrexAction createCard(Function<StepContext, CreateCardRequest> request) {
    return new BrexAction("Brex Create User Card",
        (ctx, p) -> {
          CreateCardRequest r = request.apply(ctx);
          idCheck("owner.user_id", r.owner().userId());
          p.addAll(BrexChecks.violations(BrexValidation.validate(r)));
          return new BrexAction.Call("POST", "/v2/cards", Optional.of(r));
        },
        (brex, call, o) -> brex.cards().create((CreateCardRequest) call.request().get(), o),
        List.of(ResponseMapping.wholeResponse(Presets.API_RESPONSE),
            ResponseMapping.of(Presets.BREX_USER_CARD_ID, "{{response.id}}")),
        NEGATIVE);
  }

  private static String id(StepContext ctx, String variable, List<String> problems) {
    String v = ctx.require(variable);
    BrexChecks.idProblem(variable, v).ifPresent(problems::add);
    return v;
  }

  private static void idCheck(String what, String value) {
    BrexChecks.idProblem(what, value).ifPresent(pr -> {
      throw new WorkflowInputException("", List.of(), List.of(pr));
    });
  }

  private static String last(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
