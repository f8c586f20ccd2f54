package org.brexsync.brex.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.brexsync.brex.BrexValidation;
import org.brexsync.brex.CardService;
import org.brexsync.brex.CompanyService;
import org.brexsync.brex.DepartmentService;
import org.brexsync.brex.LocationService;
import org.brexsync.brex.PagedIterable;
import org.brexsync.brex.RequestOptions;
import org.brexsync.brex.TitleService;
import org.brexsync.brex.UserService;
import org.brexsync.brex.Violation;
import org.brexsync.brex.WebhookService;
import org.brexsync.brex.internal.Transport.Call;
import org.brexsync.brex.model.Card;
import org.brexsync.brex.model.CardNumber;
import org.brexsync.brex.model.Company;
import org.brexsync.brex.model.CreateCardRequest;
import org.brexsync.brex.model.CreateDepartmentRequest;
import org.brexsync.brex.model.CreateLocationRequest;
import org.brexsync.brex.model.CreateTitleRequest;
import org.brexsync.brex.model.Department;
import org.brexsync.brex.model.InviteUserRequest;
import org.brexsync.brex.model.ListCardsRequest;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.ListUsersRequest;
import org.brexsync.brex.model.Location;
import org.brexsync.brex.model.LockCardRequest;
import org.brexsync.brex.model.Patch;
import org.brexsync.brex.model.SecureEmailRequest;
import org.brexsync.brex.model.SetUserLimitRequest;
import org.brexsync.brex.model.TerminateCardRequest;
import org.brexsync.brex.model.Title;
import org.brexsync.brex.model.UpdateCardRequest;
import org.brexsync.brex.model.UpdateUserRequest;
import org.brexsync.brex.model.UpdateUserStatus;
import org.brexsync.brex.model.User;
import org.brexsync.brex.model.UserLimit;
import org.brexsync.brex.webhook.CreateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.UpdateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.WebhookEventType;
import org.brexsync.brex.webhook.WebhookSecret;
import org.brexsync.brex.webhook.WebhookSubscription;

/** Implementations of the service interfaces over {@link Transport}. Not public API. */
public final class Services {
  private Services() {}

  /** A lazy, bounded iterable over the pages of {@code path}. */
  private static <T> PagedIterable<T> paged(Transport t, String path,
      java.util.function.Function<Optional<String>, org.brexsync.brex.Page<T>> fetch,
      Optional<String> start) {
    return new PagedIterable<>(fetch, start, path, t.maxPages());
  }

  private static void pageSize(Optional<Integer> limit) {
    BrexValidation.throwIfAny("list request", BrexValidation.validatePageSize(limit));
  }

  /** A list endpoint that takes only a page size, read from the first page. */
  private static <T> PagedIterable<T> unfiltered(
      Transport t, String path, Optional<Integer> pageSize, Class<T> type, RequestOptions o) {
    pageSize(pageSize);
    return paged(t, path, cursor -> t.sendPage(
        Call.get(path).query("cursor", cursor).query("limit", pageSize).options(o), type),
        Optional.empty());
  }

  /** Users. */
  public static final class Users implements UserService {
    private final Transport t;

    /** Creates the service. */
    public Users(Transport t) {
      this.t = t;
    }

    @Override
    public PagedIterable<User> list(ListUsersRequest r, RequestOptions o) {
      pageSize(r.limit());
      return paged(t, "/v2/users", cursor -> t.sendPage(
          Call.get("/v2/users").query("cursor", cursor).query("limit", r.limit())
              .query("email", r.email()).query("remote_display_id", r.remoteDisplayId())
              .queryAll("expand[]", r.expand()).options(o),
          User.class), r.cursor());
    }

    @Override
    public User get(String id, RequestOptions o) {
      return t.send(Call.get("/v2/users/{id}", id).options(o), User.class);
    }

    @Override
    public User me(RequestOptions o) {
      return t.send(Call.get("/v2/users/me").options(o), User.class);
    }

    @Override
    public User invite(InviteUserRequest r, RequestOptions o) {
      BrexValidation.check(r);
      return t.send(Call.post("/v2/users").body(r).options(o), User.class);
    }

    @Override
    public User update(String id, UpdateUserRequest r, RequestOptions o) {
      BrexValidation.throwIfAny("update user request", BrexValidation.validate(r));
      return t.send(Call.put("/v2/users/{id}", id).body(r).options(o), User.class);
    }

    @Override
    public User activate(String id, RequestOptions o) {
      return update(id, UpdateUserRequest.builder().status(Patch.set(UpdateUserStatus.ACTIVE)).build(), o);
    }

    @Override
    public User deactivate(String id, RequestOptions o) {
      return update(id, UpdateUserRequest.builder().status(Patch.set(UpdateUserStatus.DISABLED)).build(), o);
    }

    @Override
    public UserLimit getLimit(String id, RequestOptions o) {
      return t.send(Call.get("/v2/users/{id}/limit", id).options(o), UserLimit.class);
    }

    @Override
    public UserLimit setLimit(String id, SetUserLimitRequest r, RequestOptions o) {
      BrexValidation.throwIfAny("set user limit request", BrexValidation.validate(r));
      return t.send(Call.post("/v2/users/{id}/limit", id).body(r).options(o), UserLimit.class);
    }
  }

  /** Cards. */
  public static final class Cards implements CardService {
    private final Transport t;

    /** Creates the service. */
    public Cards(Transport t) {
      this.t = t;
    }

    @Override
    public PagedIterable<Card> list(ListCardsRequest r, RequestOptions o) {
      pageSize(r.limit());
      return paged(t, "/v2/cards", cursor -> t.sendPage(
          Call.get("/v2/cards").query("user_id", r.userId()).query("cursor", cursor)
              .query("limit", r.limit()).options(o),
          Card.class), r.cursor());
    }

    @Override
    public Card get(String id, RequestOptions o) {
      return t.send(Call.get("/v2/cards/{id}", id).options(o), Card.class);
    }

    @Override
    public Card create(CreateCardRequest r, RequestOptions o) {
      BrexValidation.check(r);
      return t.send(Call.post("/v2/cards").body(r).options(o).keyRequired().createsCard(), Card.class);
    }

    @Override
    public Card update(String id, UpdateCardRequest r, RequestOptions o) {
      BrexValidation.throwIfAny("update card request", BrexValidation.validate(r));
      return t.send(Call.put("/v2/cards/{id}", id).body(r).options(o), Card.class);
    }

    @Override
    public Card lock(String id, LockCardRequest r, RequestOptions o) {
      BrexValidation.throwIfAny("lock card request", BrexValidation.validate(r));
      return t.send(Call.post("/v2/cards/{id}/lock", id).body(r).options(o), Card.class);
    }

    @Override
    public Card unlock(String id, RequestOptions o) {
      return t.send(Call.post("/v2/cards/{id}/unlock", id).options(o), Card.class);
    }

    @Override
    public Card terminate(String id, TerminateCardRequest r, RequestOptions o) {
      BrexValidation.throwIfAny("terminate card request", BrexValidation.validate(r));
      return t.send(Call.post("/v2/cards/{id}/terminate", id).body(r).options(o), Card.class);
    }

    @Override
    public CardNumber getNumber(String id, RequestOptions o) {
      return t.send(Call.get("/v2/cards/{id}/pan", id).cardNumberHost().sensitiveResponse()
          .options(o), CardNumber.class);
    }

    @Override
    public void sendSecureEmail(String id, SecureEmailRequest r, RequestOptions o) {
      BrexValidation.throwIfAny("secure email request", BrexValidation.validate(r));
      t.sendNoContent(Call.post("/v2/cards/{id}/secure_email", id).body(r).options(o)
          .keyRequired());
    }
  }

  /**
   * Departments, locations and titles: the same list (by name), get and create calls, differing
   * only in path, type and validation.
   */
  abstract static class ReferenceData<T, C> {
    private final Transport t;
    private final String path;
    private final Class<T> type;
    private final String what;
    private final Function<C, List<Violation>> validate;

    ReferenceData(Transport t, String path, Class<T> type, String what,
        Function<C, List<Violation>> validate) {
      this.t = t;
      this.path = path;
      this.type = type;
      this.what = what;
      this.validate = validate;
    }

    public PagedIterable<T> list(ListReferenceDataRequest r, RequestOptions o) {
      pageSize(r.limit());
      return paged(t, path, cursor -> t.sendPage(
          Call.get(path).query("cursor", cursor).query("limit", r.limit()).query("name", r.name())
              .options(o),
          type), r.cursor());
    }

    public T get(String id, RequestOptions o) {
      return t.send(Call.get(path + "/{id}", id).options(o), type);
    }

    public T create(C r, RequestOptions o) {
      BrexValidation.throwIfAny(what, validate.apply(r));
      return t.send(Call.post(path).body(r).options(o), type);
    }
  }

  /** Departments. */
  public static final class Departments extends ReferenceData<Department, CreateDepartmentRequest>
      implements DepartmentService {
    /** Creates the service. */
    public Departments(Transport t) {
      super(t, "/v2/departments", Department.class, "create department request",
          BrexValidation::validate);
    }
  }

  /** Locations. */
  public static final class Locations extends ReferenceData<Location, CreateLocationRequest>
      implements LocationService {
    /** Creates the service. */
    public Locations(Transport t) {
      super(t, "/v2/locations", Location.class, "create location request",
          BrexValidation::validate);
    }
  }

  /** Titles. */
  public static final class Titles extends ReferenceData<Title, CreateTitleRequest>
      implements TitleService {
    /** Creates the service. */
    public Titles(Transport t) {
      super(t, "/v2/titles", Title.class, "create title request", BrexValidation::validate);
    }
  }

  /** Legal entities. */
  public static final class LegalEntities implements org.brexsync.brex.LegalEntityService {
    private final Transport t;

    /** Creates the service. */
    public LegalEntities(Transport t) {
      this.t = t;
    }

    @Override
    public PagedIterable<org.brexsync.brex.model.LegalEntity> list(
        Optional<Integer> pageSize, RequestOptions o) {
      return unfiltered(t, "/v2/legal_entities", pageSize,
          org.brexsync.brex.model.LegalEntity.class, o);
    }

    @Override
    public org.brexsync.brex.model.LegalEntity get(String id, RequestOptions o) {
      return t.send(Call.get("/v2/legal_entities/{id}", id).options(o),
          org.brexsync.brex.model.LegalEntity.class);
    }
  }

  /** Company. */
  public static final class Companies implements CompanyService {
    private final Transport t;

    /** Creates the service. */
    public Companies(Transport t) {
      this.t = t;
    }

    @Override
    public Company get(RequestOptions o) {
      return t.send(Call.get("/v2/company").options(o), Company.class);
    }
  }

  /** Webhooks. */
  public static final class Webhooks implements WebhookService {
    private final Transport t;

    /** Creates the service. */
    public Webhooks(Transport t) {
      this.t = t;
    }

    @Override
    public PagedIterable<WebhookSubscription> list(Optional<Integer> pageSize, RequestOptions o) {
      return unfiltered(t, "/v1/webhooks", pageSize, WebhookSubscription.class, o);
    }

    @Override
    public WebhookSubscription create(CreateWebhookSubscriptionRequest r, RequestOptions o) {
      BrexValidation.throwIfAny("create webhook subscription request",
          webhook(r.url(), r.eventTypes()));
      return t.send(Call.post("/v1/webhooks").body(r).options(o).keyRequired(),
          WebhookSubscription.class);
    }

    @Override
    public WebhookSubscription get(String id, RequestOptions o) {
      return t.send(Call.get("/v1/webhooks/{id}", id).options(o), WebhookSubscription.class);
    }

    @Override
    public WebhookSubscription update(
        String id, UpdateWebhookSubscriptionRequest r, RequestOptions o) {
      BrexValidation.throwIfAny("update webhook subscription request",
          webhook(r.url(), r.eventTypes()));
      return t.send(Call.put("/v1/webhooks/{id}", id).body(r).options(o),
          WebhookSubscription.class);
    }

    @Override
    public void delete(String id, RequestOptions o) {
      t.sendNoContent(Call.delete("/v1/webhooks/{id}", id).options(o));
    }

    @Override
    public List<WebhookSecret> listSecrets(RequestOptions o) {
      return t.sendList(Call.get("/v1/webhooks/secrets").options(o), WebhookSecret.class);
    }

    private static List<org.brexsync.brex.Violation> webhook(
        String url, List<WebhookEventType> types) {
      List<org.brexsync.brex.Violation> v = new java.util.ArrayList<>();
      if (!url.startsWith("https://") && !url.startsWith("http://")) {
        v.add(new org.brexsync.brex.Violation("url", "must be an http(s) URL"));
      }
      if (types.isEmpty()) {
        v.add(new org.brexsync.brex.Violation("event_types", "must not be empty"));
      }
      if (types.contains(WebhookEventType.UNKNOWN)) {
        v.add(new org.brexsync.brex.Violation("event_types", "must not contain UNKNOWN"));
      }
      return v;
    }
  }
}
