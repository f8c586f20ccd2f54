package org.brexsync.spring.boot.autoconfigure.internal;

import java.util.Optional;
import org.brexsync.connector.Integration;
import org.brexsync.spring.boot.autoconfigure.BrexsyncProperties;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when a system's API token is set (see {@link Endpoints}); otherwise its outcome says where
 * to set one, which Spring Boot shows in the condition report and in the failure analysis of a
 * missing client bean. Never shows the token. Not API.
 */
public abstract class CredentialsCondition extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Environment env = context.getEnvironment();
    BrexsyncProperties p = bind(env);
    Endpoints.Endpoint e = endpoint(p, env, Integrations.document(p));
    return e.missingToken()
        .map(ConditionOutcome::noMatch)
        .orElseGet(() -> ConditionOutcome.match(e.system() + " API token found in " + e.tokenSource()));
  }

  /** The system's endpoint. */
  abstract Endpoints.Endpoint endpoint(BrexsyncProperties p, Environment env, Optional<Integration> document);

  /** The {@code brexsync.*} properties, as the context will bind them. */
  static BrexsyncProperties bind(Environment env) {
    return Binder.get(env).bind(BrexsyncProperties.PREFIX, Bindable.of(BrexsyncProperties.class))
        .orElseGet(BrexsyncProperties::new);
  }

  /** Matches when a Brex API token is set. */
  public static final class OnBrex extends CredentialsCondition {
    @Override
    Endpoints.Endpoint endpoint(BrexsyncProperties p, Environment env, Optional<Integration> document) {
      return Endpoints.brex(p, env, document);
    }
  }

  /** Matches when an Oomnitza API token is set. */
  public static final class OnOomnitza extends CredentialsCondition {
    @Override
    Endpoints.Endpoint endpoint(BrexsyncProperties p, Environment env, Optional<Integration> document) {
      return Endpoints.oomnitza(p, env, document);
    }
  }
}
