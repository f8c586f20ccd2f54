package org.brexsync.spring.boot.autoconfigure;

import java.util.Optional;
import org.brexsync.brex.BrexClient;
import org.brexsync.brex.BrexConfigurationException;
import org.brexsync.connector.Integration;
import org.brexsync.http.RequestListener;
import org.brexsync.oomnitza.OomnitzaClient;
import org.brexsync.oomnitza.OomnitzaConfigurationException;
import org.brexsync.spring.boot.autoconfigure.internal.CredentialsCondition;
import org.brexsync.spring.boot.autoconfigure.internal.Endpoints;
import org.brexsync.spring.boot.autoconfigure.internal.Integrations;
import org.brexsync.spring.boot.autoconfigure.internal.Listeners;
import org.brexsync.spring.boot.autoconfigure.internal.SecretsSanitizer;
import org.brexsync.spring.boot.autoconfigure.internal.StartupLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Brex and Oomnitza clients from {@code brexsync.brex.*} and {@code brexsync.oomnitza.*} (or the
 * CLI's variables, or the integration document's connections). Each client exists only when its
 * token is set: without one the condition report (and the failure analysis of a bean that needs the
 * client) says where to set it, and a warning at startup says what was not configured. Every
 * {@link RequestListener} bean observes both clients (brexsync's metrics are one), then every
 * {@link BrexClientBuilderCustomizer} / {@link OomnitzaClientBuilderCustomizer} has the last word.
 * A client bean of the application's own replaces the auto-configured one.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = BrexsyncProperties.PREFIX, name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BrexsyncProperties.class)
public class BrexsyncAutoConfiguration {
  /**
   * The auto-configured {@link BrexClient}, unless the application defines one.
   *
   * @param properties the {@code brexsync.*} properties
   * @param environment the environment, for the token variables ({@code BREX_API_TOKEN}, ...)
   * @param listeners the application's {@code RequestListener} beans, told about every HTTP attempt
   * @param customizers the application's builder customizers, applied last
   * @return the Brex client
   */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(CredentialsCondition.OnBrex.class)
  public BrexClient brexClient(BrexsyncProperties properties, Environment environment,
      ObjectProvider<RequestListener> listeners, ObjectProvider<BrexClientBuilderCustomizer> customizers) {
    Optional<Integration> document = Integrations.document(properties);
    Endpoints.Endpoint e = Endpoints.brex(properties, environment, document);
    try {
      BrexClient.Builder b = BrexClient.builder()
          .token(e.token().orElseThrow())
          .baseUri(e.baseUrl().orElse(BrexClient.PRODUCTION))
          .requestTimeout(properties.getBrex().getRequestTimeout())
          .connectTimeout(properties.getBrex().getConnectTimeout())
          .allowPlainHttp(properties.isAllowPlainHttp())
          .requestListener(Listeners.requests(listeners.orderedStream().toList()));
      customizers.orderedStream().forEach(c -> c.customize(b));
      return b.build();
    } catch (BrexConfigurationException | IllegalArgumentException ex) {
      throw new BrexsyncConfigurationException("The Brex client cannot be built from " + e + ": "
          + ex.getMessage(), "Fix brexsync.brex.* (or " + e.tokenVariable() + ", " + e.urlVariable()
          + "); plain http to a host that is not loopback needs brexsync.allow-plain-http=true.", ex);
    }
  }

  /**
   * The auto-configured {@link OomnitzaClient}, unless the application defines one.
   *
   * @param properties the {@code brexsync.*} properties
   * @param environment the environment, for the token variables ({@code BREX_API_TOKEN}, ...)
   * @param listeners the application's {@code RequestListener} beans, told about every HTTP attempt
   * @param customizers the application's builder customizers, applied last
   * @return the Oomnitza client
   */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(CredentialsCondition.OnOomnitza.class)
  public OomnitzaClient oomnitzaClient(BrexsyncProperties properties, Environment environment,
      ObjectProvider<RequestListener> listeners, ObjectProvider<OomnitzaClientBuilderCustomizer> customizers) {
    Optional<Integration> document = Integrations.document(properties);
    Endpoints.Endpoint e = Endpoints.oomnitza(properties, environment, document);
    if (e.baseUrl().isEmpty()) {
      throw new BrexsyncConfigurationException("An Oomnitza API token is set (" + e.tokenSource()
          + ") but no Oomnitza instance URL.", "Set brexsync.oomnitza.base-url (or " + e.urlVariable()
          + ") to the instance, e.g. https://acme.oomnitza.com.");
    }
    try {
      OomnitzaClient.Builder b = OomnitzaClient.builder()
          .baseUri(e.baseUrl().get())
          .apiToken(e.token().orElseThrow())
          .requestTimeout(properties.getOomnitza().getRequestTimeout())
          .connectTimeout(properties.getOomnitza().getConnectTimeout())
          .allowPlainHttp(properties.isAllowPlainHttp())
          .requestListener(Listeners.requests(listeners.orderedStream().toList()));
      customizers.orderedStream().forEach(c -> c.customize(b));
      return b.build();
    } catch (OomnitzaConfigurationException | IllegalArgumentException | IllegalStateException ex) {
      throw new BrexsyncConfigurationException("The Oomnitza client cannot be built from " + e + ": "
          + ex.getMessage(), "Fix brexsync.oomnitza.* (or " + e.tokenVariable() + ", " + e.urlVariable()
          + "); plain http to a host that is not loopback needs brexsync.allow-plain-http=true.", ex);
    }
  }

  /** One line at startup: what brexsync configured, or why it configured nothing. */
  @Bean
  static StartupLog brexsyncStartupLog(ConfigurableListableBeanFactory beanFactory, Environment environment) {
    return new StartupLog(beanFactory, environment);
  }

  /** Masks brexsync's tokens in the Actuator {@code env} and {@code configprops} endpoints. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SanitizingFunction.class)
  static class SanitizerConfiguration {
    @Bean
    @ConditionalOnMissingBean(name = "brexsyncSecretsSanitizer")
    SanitizingFunction brexsyncSecretsSanitizer(BrexsyncProperties properties, Environment environment) {
      return new SecretsSanitizer(properties, environment);
    }
  }
}
