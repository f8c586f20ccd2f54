package org.brexsync.cli;

/** Integration documents for tests. */
final class TestConfigs {
  private TestConfigs() {}

  static final String LAUNCHABLE = """
      {
        "name": "from-file",
        "brex": {"tokenEnv": "MY_BREX_TOKEN"},
        "oomnitza": {"baseUrl": "https://acme.oomnitza.example", "tokenEnv": "MY_OOMNITZA_TOKEN"},
        "mapping": {
          "syncKey": "email",
          "rules": [
            {"target": "username", "source": "id"},
            {"target": "brex_user_id", "source": "id"},
            {"target": "email", "source": "email"},
            {"target": "first_name", "source": "first_name"},
            {"target": "role", "constant": 25}
          ]
        }
      }
      """;

  /** No role: DRAFT. */
  static final String DRAFT = """
      {
        "name": "draft",
        "mapping": {
          "rules": [
            {"target": "username", "source": "id"},
            {"target": "brex_user_id", "source": "id"},
            {"target": "email", "source": "email"}
          ]
        }
      }
      """;
}
