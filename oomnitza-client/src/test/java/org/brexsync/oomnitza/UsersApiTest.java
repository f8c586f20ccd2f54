package org.brexsync.oomnitza;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.brexsync.oomnitza.filter.Filter;
import org.junit.jupiter.api.Test;

class UsersApiTest extends WireTestSupport {

  private static String users(int from, int count) {
    return IntStream.range(from, from + count)
        .mapToObj(i -> "{\"username\":\"u" + i + "\",\"email\":\"u" + i + "@x.com\"}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void listSendsLimitSkipSortFilterFieldsEncodedAndTokenRaw() throws Exception {
    enqueueJson(users(0, 1));
    ListQuery q = ListQuery.builder()
        .pageSize(50)
        .sortBy(Sort.asc("email"))
        .filter(Filter.eq("email", "a b@x.com").and(Filter.in("position", "R&D", "Ops")))
        .addFields(OomnitzaUser.EMAIL, OomnitzaUser.USERNAME)
        .build();

    List<OomnitzaUser> result = client().users().list(q).toList();

    assertThat(result).hasSize(1);
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getTarget()).isEqualTo("/api/v3/users?limit=50&skip=0&sortby=email%20asc"
        + "&filter=%28email%20eq%20%22a%20b%40x.com%22%29%20and%20%28position%20IN%20%5B%22R%26D%22%2C%22Ops%22%5D%29"
        + "&fields=email%2Cusername");
    assertThat(r.getUrl().queryParameter("filter"))
        .isEqualTo("(email eq \"a b@x.com\") and (position IN [\"R&D\",\"Ops\"])");
    assertThat(r.getHeaders().get("Authorization2")).isEqualTo(TOKEN);
    assertThat(r.getHeaders().get("Authorization")).isNull();
    assertThat(r.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(r.getHeaders().get("Oomnitza-Ignore-Meta-Restriction")).isNull();
  }

  @Test
  void listIsLazyAndPagesBySkipUntilAShortPage() throws Exception {
    enqueueJson(users(0, 2));
    enqueueJson(users(2, 2));
    enqueueJson(users(4, 1));
    PagedIterable<OomnitzaUser> it = client().users().list(ListQuery.builder().pageSize(2).build());
    assertThat(server.getRequestCount()).isZero();

    java.util.Iterator<OomnitzaUser> users = it.iterator();
    List<String> names = new java.util.ArrayList<>();
    names.add(users.next().username().orElseThrow());
    names.add(users.next().username().orElseThrow());
    assertThat(server.getRequestCount()).as("second page not requested before it is needed").isEqualTo(1);
    users.forEachRemaining(u -> names.add(u.username().orElseThrow()));

    assertThat(names).containsExactly("u0", "u1", "u2", "u3", "u4");
    assertThat(take().getTarget()).isEqualTo("/api/v3/users?limit=2&skip=0");
    assertThat(take().getTarget()).isEqualTo("/api/v3/users?limit=2&skip=2");
    assertThat(take().getTarget()).isEqualTo("/api/v3/users?limit=2&skip=4");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void exactMultipleOfPageSizeWithoutTotalCountNeedsOneEmptyPage() throws Exception {
    enqueueJson(users(0, 2));
    enqueueJson(users(2, 2));
    enqueueJson("[]");
    List<OomnitzaUser> all = client().users().list(ListQuery.builder().pageSize(2).build()).toList();
    assertThat(all).hasSize(4);
    assertThat(server.getRequestCount()).isEqualTo(3);
    take();
    take();
    assertThat(take().getTarget()).isEqualTo("/api/v3/users?limit=2&skip=4");
  }

  @Test
  void exactMultipleOfPageSizeWithTotalCountStopsWithoutEmptyPage() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("X-Total-Count", "4").body(users(0, 2)).build());
    server.enqueue(new MockResponse.Builder().addHeader("X-Total-Count", "4").body(users(2, 2)).build());
    List<OomnitzaUser> all = client().users().list(ListQuery.builder().pageSize(2).build()).toList();
    assertThat(all).hasSize(4);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void emptyFirstPageYieldsNothingAfterOneRequest() {
    enqueueJson("[]");
    assertThat(client().users().list().toList()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void totalCountZeroOnFirstPageStops() {
    server.enqueue(new MockResponse.Builder().addHeader("X-Total-Count", "0").body("[]").build());
    assertThat(client().users().list().toList()).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void startOffsetAndMaxResultsAreHonoured() throws Exception {
    enqueueJson(users(10, 3));
    enqueueJson(users(13, 3));
    List<OomnitzaUser> some = client().users()
        .list(ListQuery.builder().pageSize(3).skip(10).maxResults(4L).build()).toList();
    assertThat(some).extracting(u -> u.username().orElseThrow()).containsExactly("u10", "u11", "u12", "u13");
    assertThat(take().getTarget()).isEqualTo("/api/v3/users?limit=3&skip=10");
    assertThat(take().getTarget()).isEqualTo("/api/v3/users?limit=3&skip=13");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void eachIterationStartsAgainFromTheFirstPage() throws Exception {
    enqueueJson(users(0, 1));
    enqueueJson(users(0, 1));
    PagedIterable<OomnitzaUser> it = client().users().list();
    assertThat(it.toList()).hasSize(1);
    assertThat(it.toList()).hasSize(1);
    assertThat(take().getTarget()).endsWith("skip=0");
    assertThat(take().getTarget()).endsWith("skip=0");
  }

  @Test
  void firstPageIsOneRequestAndCarriesTheTotalCount() throws Exception {
    server.enqueue(new MockResponse.Builder().addHeader("X-Total-Count", "1234").body(users(0, 50)).build());
    Page<OomnitzaUser> p = client().users().list(ListQuery.builder().pageSize(50).build()).firstPage();
    assertThat(p.items()).hasSize(50);
    assertThat(p.totalCount()).contains(1234L);
    assertThat(p.skip()).isZero();
    assertThat(p.limit()).isEqualTo(50);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void pagesAreLazyAndCutAtMaxResults() throws Exception {
    enqueueJson(users(0, 3));
    enqueueJson(users(3, 3));
    Iterator<Page<OomnitzaUser>> pages = client().users()
        .list(ListQuery.builder().pageSize(3).maxResults(5L).build()).pages().iterator();
    assertThat(server.getRequestCount()).isZero();
    assertThat(pages.next().items()).hasSize(3);
    Page<OomnitzaUser> second = pages.next();
    assertThat(second.items()).hasSize(2);
    assertThat(second.skip()).isEqualTo(3);
    assertThat(second.totalCount()).isEmpty();
    assertThat(pages.hasNext()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPageLongerThanTheLimitIsTakenAsTheRest() {
    enqueueJson(users(0, 5));
    assertThat(client().users().list(ListQuery.builder().pageSize(2).build()).toList()).hasSize(5);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aServerIgnoringSkipIsAnErrorNotAnEndlessLoop() {
    enqueueJson(users(0, 2));
    enqueueJson(users(0, 2));
    Iterator<OomnitzaUser> it = client().users().list(ListQuery.builder().pageSize(2).build()).iterator();
    it.next();
    it.next();
    assertThatThrownBy(it::hasNext).isInstanceOf(OomnitzaResponseException.class).hasMessageContaining("skip");
  }

  @Test
  void listAcceptsAnEnvelopedArray() {
    enqueueJson("{\"data\":" + users(0, 1) + ",\"total\":1}");
    assertThat(client().users().list().toList()).hasSize(1);
  }

  @Test
  void listRejectsABodyThatIsNotAnArrayOfObjects() {
    enqueueJson("{\"unexpected\":true}");
    OomnitzaClient once = clientBuilder().retryPolicy(RetryPolicy.none()).build(); // one answer, no retry
    assertThatThrownBy(() -> once.users().list().toList())
        .isInstanceOf(OomnitzaResponseException.class)
        .hasMessageContaining("GET /api/v3/users");
  }

  @Test
  void malformedJsonGivesAClearException() {
    enqueueJson("[{\"username\":");
    OomnitzaClient once = clientBuilder().retryPolicy(RetryPolicy.none()).build(); // one answer, no retry
    assertThatThrownBy(() -> once.users().list().toList())
        .isInstanceOf(OomnitzaResponseException.class)
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void getEncodesTheIdentAsOnePathSegment() throws Exception {
    enqueueJson("{\"username\":\"a b+c\",\"uid\":7,\"role\":25,\"suspended\":false,\"creation_date\":1700000000}");
    OomnitzaUser u = client().users().get("a b+c%").orElseThrow();
    assertThat(take().getTarget()).isEqualTo("/api/v3/users/a%20b%2Bc%25");
    assertThat(u.uid()).contains(7L);
    assertThat(u.role()).contains(25);
    assertThat(u.suspended()).contains(false);
    assertThat(u.creationDate()).hasValueSatisfying(i -> assertThat(i.getEpochSecond()).isEqualTo(1700000000L));
  }

  @Test
  void getReturnsEmptyOn404() {
    enqueueJson(404, "{\"error\":\"not found\"}");
    assertThat(client().users().get("ghost")).isEmpty();
  }

  @Test
  void findByAnyFieldUsesAnEqFilterWithLimitTwo() throws Exception {
    enqueueJson("[{\"username\":\"jdoe\",\"brex_user_id\":\"cu_1\"}]");
    Optional<OomnitzaUser> u = client().users().find(ExternalId.of("brex_user_id"), "cu_\"1\"");
    assertThat(u).isPresent();
    RecordedRequest r = take();
    assertThat(r.getUrl().queryParameter("filter")).isEqualTo("brex_user_id eq \"cu_\\\"1\\\"\"");
    assertThat(r.getUrl().queryParameter("limit")).isEqualTo("2");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void findByEmailReturnsEmptyWhenNothingMatches() throws Exception {
    enqueueJson("[]");
    assertThat(client().users().findByEmail("nobody@x.com")).isEmpty();
    assertThat(take().getUrl().queryParameter("filter")).isEqualTo("email eq \"nobody@x.com\"");
  }

  @Test
  void findRefusesAmbiguousMatches() {
    enqueueJson(users(0, 2));
    assertThatThrownBy(() -> client().users().findByUsername("u"))
        .isInstanceOf(OomnitzaException.class)
        .hasMessageContaining("unique");
  }

  @Test
  void findAllByValuesChunksTheInListAndSkipsDuplicates() throws Exception {
    enqueueJson(users(0, 2));
    enqueueJson(users(2, 1));
    OomnitzaClient c = clientBuilder().conventions(OomnitzaConventions.builder().maxFilterValues(2).build()).build();
    List<OomnitzaUser> found = c.users().findAll(OomnitzaUser.EMAIL, List.of("a@x", "b@x", "a@x", "c@x"));
    assertThat(found).hasSize(3);
    assertThat(take().getUrl().queryParameter("filter")).isEqualTo("email IN [\"a@x\",\"b@x\"]");
    assertThat(take().getUrl().queryParameter("filter")).isEqualTo("email IN [\"c@x\"]");
    assertThat(c.users().findAll(OomnitzaUser.EMAIL, List.of())).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void createPostsTheFieldsAsJsonWithRequestedHeaders() throws Exception {
    enqueueJson("{\"username\":\"jdoe\",\"uid\":12}");
    OomnitzaUser created = client().users().create(
        OomnitzaUser.builder().username("jdoe").email("j@x.com").role(25).set("brex_user_id", "cu_1").build(),
        RequestOptions.builder().ignoreMetaRestriction(true).allowUnknownMetaFields(true).notTriggerWorkflows(true).build());

    assertThat(created.uid()).contains(12L);
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/api/v3/users");
    assertThat(body(r)).isEqualTo("{\"username\":\"jdoe\",\"email\":\"j@x.com\",\"role\":25,\"brex_user_id\":\"cu_1\"}");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(r.getHeaders().get("Oomnitza-Ignore-Meta-Restriction")).isEqualTo("1");
    assertThat(r.getHeaders().get("Oomnitza-Allow-Unknown-Meta-Fields")).isEqualTo("1");
    assertThat(r.getHeaders().get("Oomnitza-Not-Trigger-WF")).isEqualTo("1");
  }

  @Test
  void createWithoutResponseBodyReturnsTheSubmittedUser() {
    server.enqueue(new MockResponse.Builder().code(201).build());
    OomnitzaUser u = OomnitzaUser.builder().username("jdoe").build();
    assertThat(client().users().create(u)).isEqualTo(u);
  }

  @Test
  void updatePatchesOnlyPresentFieldsAndSendsExplicitNulls() throws Exception {
    enqueueJson("{\"username\":\"jdoe\",\"position\":null}");
    client().users().update("jdoe", OomnitzaRecord.builder().setNull("position").set("suspended", true).build());
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("PATCH");
    assertThat(r.getTarget()).isEqualTo("/api/v3/users/jdoe");
    assertThat(body(r)).isEqualTo("{\"position\":null,\"suspended\":true}");
  }

  @Test
  void deleteSendsDelete() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    client().users().delete("j.doe@x.com");
    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("DELETE");
    assertThat(r.getTarget()).isEqualTo("/api/v3/users/j.doe%40x.com");
  }

  @Test
  void deleteOfAMissingUserIsNotFound() {
    enqueueJson(404, "{}");
    assertThatThrownBy(() -> client().users().delete("ghost")).isInstanceOf(OomnitzaNotFoundException.class);
  }

  @Test
  void identOfUsesTheConfiguredField() {
    OomnitzaUser u = OomnitzaUser.builder().username("jdoe").set("uid", 42).build();
    assertThat(client().users().identOf(u)).isEqualTo("jdoe");
    OomnitzaClient byUid = clientBuilder()
        .conventions(OomnitzaConventions.builder().userIdentField(OomnitzaUser.UID).build()).build();
    assertThat(byUid.users().identOf(u)).isEqualTo("42");
    assertThatThrownBy(() -> client().users().identOf(OomnitzaUser.builder().email("a@b").build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void customUsersPathIsUsed() throws Exception {
    enqueueJson("[]");
    clientBuilder().conventions(OomnitzaConventions.builder().usersPath("/api/v4/users").build()).build()
        .users().list().toList();
    assertThat(take().getTarget()).startsWith("/api/v4/users?");
  }

  @Test
  void fieldCatalogReadsTheDataModelKeyedByExternalIdWithTheFieldIdInInternalId() throws Exception {
    enqueueJson("{\"username\": {\"uid\": 3, \"internal_id\": \"USER\", \"unique\": \"1\"},"
        + " \"brex_user_id\": {\"uid\": 30, \"internal_id\": \"e622e72fc31f4946a77c95828fd1dbc3\", \"unique\": \"1\"},"
        + " \"no_id\": {\"uid\": 31, \"internal_id\": null, \"unique\": \"0\"},"
        + " \"odd\": {\"uid\": 32, \"internal_id\": \"not an id\", \"unique\": \"0\"}}");

    FieldCatalog c = client().users().fieldCatalog();

    assertThat(take().getTarget()).isEqualTo("/api/v3/users/meta");
    assertThat(c.entries()).containsOnlyKeys(ExternalId.of("username"), ExternalId.of("brex_user_id"));
    assertThat(c.fieldId(ExternalId.of("brex_user_id"))).contains(FieldId.of("E622E72FC31F4946A77C95828FD1DBC3"));
  }

  @Test
  void fieldCatalogPathAndIdPropertyAreConventions() throws Exception {
    enqueueJson("[{\"external_id\": \"email\", \"field_id\": \"EMAIL\"}]");
    OomnitzaClient c = clientBuilder().conventions(OomnitzaConventions.builder()
        .usersMetaPath("/api/v3/users/metadata").metaFieldIdProperty("field_id").build()).build();

    assertThat(c.users().fieldCatalog().fieldId(ExternalId.of("email"))).contains(FieldId.EMAIL);
    assertThat(take().getTarget()).isEqualTo("/api/v3/users/metadata");
  }

  @Test
  void fieldCatalogOfATenantWithoutTheEndpointIsNotFound() {
    enqueueJson(404, "{}");
    assertThatThrownBy(() -> client().users().fieldCatalog()).isInstanceOf(OomnitzaNotFoundException.class);
  }

  @Test
  void fieldCatalogThatIsNotAnObjectIsAResponseError() {
    enqueueJson("\"fields\"");
    assertThatThrownBy(() -> client().users().fieldCatalog()).isInstanceOf(OomnitzaResponseException.class)
        .hasMessageContaining("keyed by External ID");
  }
}
