package org.brexsync.connector.workflow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.brexsync.brex.BrexValidation;
import org.brexsync.brex.BrexValidationException;
import org.brexsync.brex.Violation;
import org.brexsync.brex.model.ChangeCardReason;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.TerminateCardRequest;
import org.brexsync.brex.model.UpdateUserRequest;
import org.brexsync.connector.workflow.BrexOperation;

/**
 * brex-client's rules applied to a rendered API-block request: ids in paths, reasons, and the body
 * read by {@link BrexValidation#parse} into brex-client's request type (unknown properties
 * reported, not ignored) and checked. Not API.
 */
public final class BrexChecks {
  /** What a Brex id looks like (e.g. {@code cuuser_ckze72soa117f01pkmf1wcpl3}). */
  public static final Pattern BREX_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  /** The reasons Brex accepts for lock and terminate. */
  public static final List<String> REASONS = Arrays.stream(ChangeCardReason.values())
      .filter(r -> r != ChangeCardReason.UNKNOWN).map(Enum::name).toList();

  private BrexChecks() {}

  /** A problem message when {@code value} (placed by {@code expression}) is not a Brex id. */
  public static Optional<String> idProblem(String expression, String value) {
    if (BREX_ID.matcher(value).matches()) {
      return Optional.empty();
    }
    return Optional.of("the value of {{" + expression + "}} is not a Brex id (letters, digits, '_' and '-' only): '"
        + Excerpt.of(value) + "'");
  }

  /** A problem message when {@code reason} is not a known card reason. */
  public static Optional<String> reasonProblem(String reason) {
    if (REASONS.contains(reason)) {
      return Optional.empty();
    }
    return Optional.of("reason: '" + Excerpt.of(reason) + "' is not one of " + String.join(", ", REASONS));
  }

  /** Every problem of a rendered body for an operation. */
  public static List<String> bodyProblems(BrexOperation op, Optional<JsonNode> body) {
    List<String> out = new ArrayList<>();
    Class<?> type;
    switch (op) {
      case INVITE_USER:
        type = InviteUserRequest.class;
        break;
      case UPDATE_USER:
        type = UpdateUserRequest.class;
        break;
      case LOCK_CARD:
        type = LockCardRequest.class;
        break;
      case TERMINATE_CARD:
        type = TerminateCardRequest.class;
        break;
      case CREATE_CARD:
        type = CreateCardRequest.class;
        break;
      default:
        return out;
    }
    if (body.isEmpty() || !body.get().isObject()) {
      out.add("the body must be a JSON object (" + type.getSimpleName() + ")");
      return out;
    }
    JsonNode b = body.get();
    if ((op == BrexOperation.LOCK_CARD || op == BrexOperation.TERMINATE_CARD) && b.has("reason")) {
      if (!b.get("reason").isTextual()) {
        out.add("reason: must be one of " + String.join(", ", REASONS));
        return out;
      }
      reasonProblem(b.get("reason").asText()).ifPresent(out::add);
      if (!out.isEmpty()) {
        return out;
      }
    }
    if (op == BrexOperation.UPDATE_USER && b.has("status")) {
      String s = b.get("status").asText();
      if (!s.equals("ACTIVE") && !s.equals("DISABLED")) {
        out.add("status: '" + Excerpt.of(s) + "' is not one of ACTIVE, DISABLED");
        return out;
      }
    }
    try {
      // brex-client's reading of JSON requests: unknown (e.g. misspelt) properties, wrong types,
      // illegal enum values and every rule of the typed request, all reported at once
      BrexValidation.parse(b, type);
    } catch (BrexValidationException e) {
      out.addAll(violations(e.violations()));
    } catch (RuntimeException e) {
      out.add("the body is not a valid " + type.getSimpleName() + ": " + firstLine(e.getMessage()));
    }
    return out;
  }

  /** Violations as "field: message" texts. */
  public static List<String> violations(List<Violation> v) {
    return v.stream().map(x -> x.field() + ": " + x.message()).collect(Collectors.toList());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
