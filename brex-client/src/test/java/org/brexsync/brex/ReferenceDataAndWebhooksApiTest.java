package org.brexsync.brex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import org.brexsync.brex.model.AccountType;
import org.brexsync.brex.model.Company;
import org.brexsync.brex.model.CreateDepartmentRequest;
import org.brexsync.brex.model.CreateLocationRequest;
import org.brexsync.brex.model.CreateTitleRequest;
import org.brexsync.brex.model.Department;
import org.brexsync.brex.model.ListReferenceDataRequest;
import org.brexsync.brex.model.Location;
import org.brexsync.brex.model.Title;
import org.brexsync.brex.webhook.CreateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.UpdateWebhookSubscriptionRequest;
import org.brexsync.brex.webhook.UpdateWebhookSubscriptionStatus;
import org.brexsync.brex.webhook.WebhookEventType;
import org.brexsync.brex.webhook.WebhookSecret;
import org.brexsync.brex.webhook.WebhookSecretStatus;
import org.brexsync.brex.webhook.WebhookSubscription;
import org.brexsync.brex.webhook.WebhookSubscriptionStatus;
import org.junit.jupiter.api.Test;

class ReferenceDataAndWebhooksApiTest extends MockServerTestBase {

  @Test
  void departments() {
    enqueue(Fixtures.page(null, Fixtures.DEPARTMENT));
    List<Department> list = client.departments()
        .list(ListReferenceDataRequest.builder().name("Sales").limit(10).build()).stream().toList();
    assertRead(take(), "/v2/departments?limit=10&name=Sales");
    assertThat(list).extracting(Department::name).containsExactly("Sales");
    assertThat(list.get(0).description()).contains("Paper sales");

    enqueue(Fixtures.DEPARTMENT);
    assertThat(client.departments().get("cudept_sales").id()).isEqualTo("cudept_sales");
    assertRead(take(), "/v2/departments/cudept_sales");

    enqueue(Fixtures.DEPARTMENT);
    client.departments().create(CreateDepartmentRequest.builder().name("Sales")
        .description("Paper sales").build());
    assertWrite(take(), "POST", "/v2/departments",
        "{\"name\":\"Sales\",\"description\":\"Paper sales\"}");
  }

  @Test
  void locations() {
    enqueue(Fixtures.page(null, Fixtures.LOCATION));
    assertThat(client.locations().list().stream().map(Location::name)).containsExactly("Stamford");
    assertRead(take(), "/v2/locations");

    enqueue(Fixtures.LOCATION);
    assertThat(client.locations().get("culoc_stamford").description()).contains("Stamford branch");
    assertRead(take(), "/v2/locations/culoc_stamford");

    enqueue(Fixtures.LOCATION);
    client.locations().create(CreateLocationRequest.builder().name("Stamford").build());
    assertWrite(take(), "POST", "/v2/locations", "{\"name\":\"Stamford\"}");
  }

  @Test
  void titles() {
    enqueue(Fixtures.page(null, Fixtures.TITLE));
    assertThat(client.titles().list(ListReferenceDataRequest.byName("Sales Representative"))
        .stream().map(Title::id)).containsExactly("cutitle_rep");
    assertRead(take(), "/v2/titles?name=Sales%20Representative");

    enqueue(Fixtures.TITLE);
    client.titles().get("cutitle_rep");
    assertRead(take(), "/v2/titles/cutitle_rep");

    enqueue(Fixtures.TITLE);
    client.titles().create(CreateTitleRequest.builder().name("Sales Representative").build());
    assertWrite(take(), "POST", "/v2/titles", "{\"name\":\"Sales Representative\"}");
  }

  @Test
  void companyReadsCamelCaseAccountType() {
    enqueue(Fixtures.COMPANY);
    Company c = client.company().get();
    assertRead(take(), "/v2/company");
    assertThat(c.legalName()).isEqualTo("Dunder Mifflin Paper Company, Inc.");
    assertThat(c.accountType()).isEqualTo(AccountType.BREX_EMPOWER);
    assertThat(c.mailingAddress().postalCode()).contains("18505");
    assertThat(BrexJson.toJsonTree(c).has("accountType")).isTrue();
  }

  @Test
  void legalEntitiesReadCamelCaseFields() {
    enqueue(Fixtures.page(null, Fixtures.LEGAL_ENTITY));
    var list = client.legalEntities().list().stream().toList();
    assertRead(take(), "/v2/legal_entities");
    assertThat(list).hasSize(1);
    var le = list.get(0);
    assertThat(le.displayName()).isEqualTo("Dunder Mifflin Paper Company, Inc.");
    assertThat(le.billingAddress().city()).contains("Scranton");
    assertThat(le.createdAt()).isEqualTo(java.time.Instant.parse("2024-05-01T12:30:00Z"));
    assertThat(le.status()).isEqualTo(org.brexsync.brex.model.LegalEntityStatus.VERIFIED);
    assertThat(le.isDefault()).isTrue();
    assertThat(BrexJson.toJsonTree(le).get("createdAt").asText()).isEqualTo("2024-05-01T12:30:00Z");

    enqueue(Fixtures.LEGAL_ENTITY);
    client.legalEntities().get("legal_entity_1");
    assertRead(take(), "/v2/legal_entities/legal_entity_1");
  }

  @Test
  void webhookSubscriptions() {
    enqueue(Fixtures.page(null, Fixtures.SUBSCRIPTION));
    List<WebhookSubscription> subs = client.webhooks().list(Optional.of(20)).stream().toList();
    assertRead(take(), "/v1/webhooks?limit=20");
    assertThat(subs.get(0).eventTypes()).containsExactly(WebhookEventType.USER_UPDATED);
    assertThat(subs.get(0).status()).isEqualTo(WebhookSubscriptionStatus.ACTIVE);

    enqueue(Fixtures.SUBSCRIPTION);
    client.webhooks().create(CreateWebhookSubscriptionRequest.builder()
        .url("https://hooks.example.com/brex").addEventTypes(WebhookEventType.USER_UPDATED).build(),
        RequestOptions.builder().autoIdempotencyKey(false).build());
    assertWrite(take(), "POST", "/v1/webhooks",
        "{\"url\":\"https://hooks.example.com/brex\",\"event_types\":[\"USER_UPDATED\"]}");

    enqueue(Fixtures.SUBSCRIPTION);
    assertThat(client.webhooks().get("whsub_1").url()).isEqualTo("https://hooks.example.com/brex");
    assertRead(take(), "/v1/webhooks/whsub_1");

    enqueue(Fixtures.SUBSCRIPTION.replace("\"ACTIVE\"", "\"INACTIVE\""));
    WebhookSubscription updated = client.webhooks().update("whsub_1",
        UpdateWebhookSubscriptionRequest.builder().url("https://hooks.example.com/brex2")
            .addEventTypes(WebhookEventType.USER_UPDATED)
            .status(UpdateWebhookSubscriptionStatus.INACTIVE).build());
    assertWrite(take(), "PUT", "/v1/webhooks/whsub_1", """
        {"url":"https://hooks.example.com/brex2","event_types":["USER_UPDATED"],
         "status":"INACTIVE"}""");
    assertThat(updated.status()).isEqualTo(WebhookSubscriptionStatus.INACTIVE);

    server.enqueue(new MockResponse.Builder().code(200).build());
    client.webhooks().delete("whsub_1");
    var del = take();
    assertThat(del.getMethod()).isEqualTo("DELETE");
    assertThat(del.getTarget()).isEqualTo("/v1/webhooks/whsub_1");
    assertThat(del.getHeaders().get("Idempotency-Key")).isNull();
    assertCommonHeaders(del);
  }

  @Test
  void webhookSecretsAreAPlainArrayAndRedacted() {
    enqueue(Fixtures.SECRETS);
    List<WebhookSecret> secrets = client.webhooks().listSecrets();
    assertRead(take(), "/v1/webhooks/secrets");
    assertThat(secrets).extracting(WebhookSecret::status)
        .containsExactly(WebhookSecretStatus.ACTIVE, WebhookSecretStatus.PENDING_REVOKE);
    assertThat(secrets.get(0).secret()).isEqualTo("c2VjcmV0LW9uZS1mb3ItdGVzdHM=");
    assertThat(secrets.toString()).doesNotContain("c2VjcmV0");
  }
}
