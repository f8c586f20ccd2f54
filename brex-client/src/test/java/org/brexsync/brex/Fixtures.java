package org.brexsync.brex;

/** Realistic Brex JSON bodies, shaped like the spec and developer.brex.com examples. */
final class Fixtures {
  private Fixtures() {}

  static final String TOKEN = "bxt_TestTokenDoNotLeak_9f8e7d6c5b4a";

  static final String USER_KAREN = """
      {"id":"cuuser_ckze72soa117f01pkmf1wcpl3","first_name":"Karen","last_name":"Filippelli",
       "email":"kfilippelli@dundermifflin.com","status":"ACTIVE","manager_id":"cuuser_manager1",
       "department_id":"cudept_sales","location_id":"culoc_stamford","title_id":"cutitle_rep",
       "metadata":{"employee_id":"E-1001"},"remote_display_id":"okta-karen",
       "some_future_field":{"x":1}}""";

  static final String USER_JIM = """
      {"id":"cuuser_jim","first_name":"Jim","last_name":"Halpert","email":"jim@dundermifflin.com",
       "status":"INVITED","manager_id":null,"department_id":null,"location_id":null,"title_id":null,
       "metadata":null,"remote_display_id":null}""";

  static final String USER_LIMIT = """
      {"monthly_limit":{"amount":500000,"currency":"USD"},
       "monthly_available":{"amount":123456,"currency":"USD"}}""";

  static final String CARD_VENDOR = """
      {"id":"ncard_cktdcoaez04db99p29d3ef1z3",
       "owner":{"type":"USER","user_id":"cuuser_ckze72soa117f01pkmf1wcpl3"},
       "status":"ACTIVE","last_four":"7649","card_name":"Party Planning Committee",
       "card_type":"VIRTUAL","limit_type":"CARD",
       "spend_controls":{"spend_limit":{"amount":100000,"currency":"USD"},
         "spend_available":{"amount":100000,"currency":"USD"},"spend_duration":"MONTHLY",
         "reason":"Parties","lock_after_date":"2022-08-24"},
       "billing_address":{"line1":"1725 Slough Avenue","line2":null,"city":"Scranton","state":"PA",
         "country":"US","postal_code":"18505","phone_number":"5705550100"},
       "mailing_address":null,"expiration_date":{"month":8,"year":2029},
       "has_been_transferred":false,"metadata":{"cost_center":"CC-12"},"budget_id":"budget_1"}""";

  static final String CARD_CORPORATE = """
      {"id":"ncard_corp1","owner":{"type":"USER","user_id":"cuuser_jim"},"status":"LOCKED",
       "last_four":"0005","card_name":"Jim corporate","card_type":"PHYSICAL","limit_type":"USER",
       "spend_controls":null,
       "billing_address":{"line1":"1725 Slough Avenue","city":"Scranton","state":"PA","country":"US",
         "postal_code":"18505"},
       "mailing_address":{"line1":"1725 Slough Avenue","line2":"Suite 200","city":"Scranton",
         "state":"PA","country":"US","postal_code":"18505"},
       "expiration_date":{"month":1,"year":2030},"has_been_transferred":true,"metadata":{},
       "budget_id":null}""";

  static final String CARD_NUMBER = """
      {"id":"ncard_cktdcoaez04db99p29d3ef1z3","number":"4111111111111111","cvv":"987",
       "expiration_date":{"month":8,"year":2029},"holder_name":"Karen Filippelli"}""";

  static final String DEPARTMENT = """
      {"id":"cudept_sales","name":"Sales","description":"Paper sales"}""";
  static final String LOCATION = """
      {"id":"culoc_stamford","name":"Stamford","description":"Stamford branch"}""";
  static final String TITLE = """
      {"id":"cutitle_rep","name":"Sales Representative"}""";
  static final String COMPANY = """
      {"id":"cucompany_dm","legal_name":"Dunder Mifflin Paper Company, Inc.",
       "mailing_address":{"line1":"1725 Slough Avenue","city":"Scranton","state":"PA","country":"US",
         "postal_code":"18505"},"accountType":"BREX_EMPOWER"}""";

  static final String LEGAL_ENTITY = """
      {"id":"legal_entity_1","displayName":"Dunder Mifflin Paper Company, Inc.",
       "billingAddress":{"line1":"1725 Slough Avenue","city":"Scranton","state":"PA",
         "country":"US","postal_code":"18505"},
       "createdAt":"2024-05-01T12:30:00Z","status":"VERIFIED","isDefault":true}""";

  static final String SUBSCRIPTION = """
      {"id":"whsub_1","url":"https://hooks.example.com/brex","event_types":["USER_UPDATED"],
       "status":"ACTIVE"}""";
  static final String SECRETS = """
      [{"secret":"c2VjcmV0LW9uZS1mb3ItdGVzdHM=","status":"ACTIVE"},
       {"secret":"c2VjcmV0LXR3by1mb3ItdGVzdHM=","status":"PENDING_REVOKE"}]""";

  static String page(String nextCursor, String... items) {
    return "{\"next_cursor\":" + (nextCursor == null ? "null" : "\"" + nextCursor + "\"")
        + ",\"items\":[" + String.join(",", items) + "]}";
  }
}
