package org.brexsync.spring.boot.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.brexsync.connector.SinkType;
import org.brexsync.connector.SyncMode;
import org.brexsync.connector.SyncPreference;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The {@code brexsync.*} properties: where Brex and Oomnitza are and their tokens, the integration
 * (an integration document, or the standard mapping from a few properties), the state store, the
 * scheduler, metrics and the health indicator. Tokens are read from here or from the environment
 * variables the CLI uses; they are never logged, never part of {@code toString()}, and masked in the
 * Actuator {@code env} and {@code configprops} endpoints.
 */
@ConfigurationProperties(prefix = BrexsyncProperties.PREFIX)
public class BrexsyncProperties {
  /** The prefix of every property. */
  public static final String PREFIX = "brexsync";

  /** Whether brexsync is auto-configured at all. */
  private boolean enabled = true;

  /**
   * An integration JSON document (for example file:/etc/brexsync/brex-people.json or
   * classpath:brex-people.json), as 'brexsync integration validate' reads it. When set, it defines
   * the integration and the brexsync.integration.* properties are ignored.
   */
  private Resource integrationDocument;

  /**
   * Whether plain http is allowed to a host that is not loopback (test rigs whose simulator runs on
   * another machine): the tokens then travel unencrypted. Never for real Brex or Oomnitza.
   */
  private boolean allowPlainHttp;

  private final Brex brex = new Brex();
  private final Oomnitza oomnitza = new Oomnitza();
  private final IntegrationSettings integration = new IntegrationSettings();
  private final Sync sync = new Sync();
  private final State state = new State();
  private final Scheduler scheduler = new Scheduler();
  private final Cluster cluster = new Cluster();
  private final Metrics metrics = new Metrics();
  private final Health health = new Health();

  /** {@return whether brexsync is auto-configured at all} */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets {@link #isEnabled()}.
   *
   * @param enabled whether brexsync is auto-configured at all
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** {@return the integration document, or null} */
  public Resource getIntegrationDocument() {
    return integrationDocument;
  }

  /**
   * Sets {@link #getIntegrationDocument()}.
   *
   * @param integrationDocument the integration document, or null
   */
  public void setIntegrationDocument(Resource integrationDocument) {
    this.integrationDocument = integrationDocument;
  }

  /** {@return whether plain http is allowed to a host that is not loopback} */
  public boolean isAllowPlainHttp() {
    return allowPlainHttp;
  }

  /**
   * Sets {@link #isAllowPlainHttp()}.
   *
   * @param allowPlainHttp whether plain http is allowed to a host that is not loopback
   */
  public void setAllowPlainHttp(boolean allowPlainHttp) {
    this.allowPlainHttp = allowPlainHttp;
  }

  /** {@return the Brex client's settings} */
  public Brex getBrex() {
    return brex;
  }

  /** {@return the Oomnitza client's settings} */
  public Oomnitza getOomnitza() {
    return oomnitza;
  }

  /** {@return the integration built from properties when there is no document} */
  public IntegrationSettings getIntegration() {
    return integration;
  }

  /** {@return the sync engine's settings} */
  public Sync getSync() {
    return sync;
  }

  /** {@return where the sync state is kept} */
  public State getState() {
    return state;
  }

  /** {@return the in-process scheduler's settings} */
  public Scheduler getScheduler() {
    return scheduler;
  }

  /** {@return the clustered scheduling settings ({@code brexsync.cluster.*}, with connector-jdbc)} */
  public Cluster getCluster() {
    return cluster;
  }

  /** {@return the Micrometer metrics settings ({@code brexsync.metrics.*})} */
  public Metrics getMetrics() {
    return metrics;
  }

  /** {@return the health indicator's settings ({@code brexsync.health.*})} */
  public Health getHealth() {
    return health;
  }

  @Override
  public String toString() {
    return "BrexsyncProperties[brex=" + brex + ", oomnitza=" + oomnitza + "]";
  }

  /** {@code brexsync.brex.*}: the Brex client. */
  public static class Brex {
    /**
     * Brex API token (bxt_...). Default: the environment variable (or property) named by the
     * integration document's brex.tokenEnv, else BREX_API_TOKEN. Never logged or shown.
     */
    private String token;

    /**
     * Brex API base URL. Default: the variable BREX_BASE_URL, else the integration document's
     * brex.baseUrl, else https://platform.brexapis.com.
     */
    private URI baseUrl;

    /** Timeout of each attempt of a Brex call. */
    private Duration requestTimeout = Duration.ofSeconds(30);

    /** Connect timeout of the Brex client's HTTP client. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** {@return the token, or null} */
    public String getToken() {
      return token;
    }

    /**
     * Sets {@link #getToken()}.
     *
     * @param token the token, or null
     */
    public void setToken(String token) {
      this.token = token;
    }

    /** {@return the base URL, or null for the default} */
    public URI getBaseUrl() {
      return baseUrl;
    }

    /**
     * Sets {@link #getBaseUrl()}.
     *
     * @param baseUrl the base URL, or null for the default
     */
    public void setBaseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** {@return the request timeout} */
    public Duration getRequestTimeout() {
      return requestTimeout;
    }

    /**
     * Sets {@link #getRequestTimeout()}.
     *
     * @param requestTimeout the request timeout
     */
    public void setRequestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
    }

    /** {@return the connect timeout} */
    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    /**
     * Sets {@link #getConnectTimeout()}.
     *
     * @param connectTimeout the connect timeout
     */
    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    @Override
    public String toString() {
      // Never the URL's user info, query or fragment: they may hold credentials.
      return "Brex[baseUrl=" + (baseUrl == null ? null : org.brexsync.spring.boot.autoconfigure.internal.Endpoints.shown(baseUrl)) + ", token=" + (token == null ? "unset" : "****") + "]";
    }
  }

  /** {@code brexsync.oomnitza.*}: the Oomnitza client. */
  public static class Oomnitza {
    /**
     * Oomnitza instance URL, e.g. https://acme.oomnitza.com. Default: the variable OOMNITZA_URL,
     * else the integration document's oomnitza.baseUrl.
     */
    private URI baseUrl;

    /**
     * Oomnitza API token. Default: the environment variable (or property) named by the integration
     * document's oomnitza.tokenEnv, else OOMNITZA_API_TOKEN. Never logged or shown.
     */
    private String token;

    /** Timeout of each attempt of an Oomnitza call. */
    private Duration requestTimeout = Duration.ofSeconds(60);

    /** Connect timeout of the Oomnitza client's HTTP client. */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /** {@return the base URL, or null for the default} */
    public URI getBaseUrl() {
      return baseUrl;
    }

    /**
     * Sets {@link #getBaseUrl()}.
     *
     * @param baseUrl the base URL, or null for the default
     */
    public void setBaseUrl(URI baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** {@return the token, or null} */
    public String getToken() {
      return token;
    }

    /**
     * Sets {@link #getToken()}.
     *
     * @param token the token, or null
     */
    public void setToken(String token) {
      this.token = token;
    }

    /** {@return the request timeout} */
    public Duration getRequestTimeout() {
      return requestTimeout;
    }

    /**
     * Sets {@link #getRequestTimeout()}.
     *
     * @param requestTimeout the request timeout
     */
    public void setRequestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
    }

    /** {@return the connect timeout} */
    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    /**
     * Sets {@link #getConnectTimeout()}.
     *
     * @param connectTimeout the connect timeout
     */
    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    @Override
    public String toString() {
      // Never the URL's user info, query or fragment: they may hold credentials.
      return "Oomnitza[baseUrl=" + (baseUrl == null ? null : org.brexsync.spring.boot.autoconfigure.internal.Endpoints.shown(baseUrl)) + ", token=" + (token == null ? "unset" : "****") + "]";
    }
  }

  /**
   * {@code brexsync.integration.*}: the integration when no document is given: the standard mapping
   * (Brex id to username and brex_user_id, email, first and last name, title to position, the role)
   * keyed by email, as {@code brexsync sync} runs it without a document.
   */
  public static class IntegrationSettings {
    /** Name of the integration; it keys the sync state, so changing it starts afresh. */
    private String name = "brexsync";

    /**
     * Id of the Oomnitza role synced people get. Required unless brexsync.integration-document is
     * set.
     */
    private Integer roleId;

    /** Brex user statuses to sync (e.g. ACTIVE, INVITED); empty syncs every user. */
    private List<String> statuses = new ArrayList<>();

    /** Which changes are written to Oomnitza. */
    private SyncPreference preference = SyncPreference.CREATE_AND_UPDATE;

    /** User only, or user plus SaaS user (needs saas-id). */
    private SyncMode mode = SyncMode.USER_ONLY;

    /** The Oomnitza SaaS id people are assigned to in USER_PLUS_SAAS_USER mode. */
    private String saasId;

    /** REST (a call per record) or BULK (connector runs, visible in Oomnitza's run logs). */
    private SinkType sink = SinkType.REST;

    /** What happens to Oomnitza people whose Brex user was disabled, deleted or is gone. */
    private Deprovisioning deprovisioning = Deprovisioning.NONE;

    private final ScheduleSettings schedule = new ScheduleSettings();

    /** {@return the integration's name} */
    public String getName() {
      return name;
    }

    /**
     * Sets {@link #getName()}.
     *
     * @param name the integration's name
     */
    public void setName(String name) {
      this.name = name;
    }

    /** {@return the role id, or null} */
    public Integer getRoleId() {
      return roleId;
    }

    /**
     * Sets {@link #getRoleId()}.
     *
     * @param roleId the role id, or null
     */
    public void setRoleId(Integer roleId) {
      this.roleId = roleId;
    }

    /** {@return the synced statuses} */
    public List<String> getStatuses() {
      return statuses;
    }

    /**
     * Sets {@link #getStatuses()}.
     *
     * @param statuses the synced statuses
     */
    public void setStatuses(List<String> statuses) {
      this.statuses = statuses;
    }

    /** {@return which side wins when both changed} */
    public SyncPreference getPreference() {
      return preference;
    }

    /**
     * Sets {@link #getPreference()}.
     *
     * @param preference which side wins when both changed
     */
    public void setPreference(SyncPreference preference) {
      this.preference = preference;
    }

    /** {@return the sync mode} */
    public SyncMode getMode() {
      return mode;
    }

    /**
     * Sets {@link #getMode()}.
     *
     * @param mode the sync mode
     */
    public void setMode(SyncMode mode) {
      this.mode = mode;
    }

    /** {@return the SaaS id, or null} */
    public String getSaasId() {
      return saasId;
    }

    /**
     * Sets {@link #getSaasId()}.
     *
     * @param saasId the SaaS id, or null
     */
    public void setSaasId(String saasId) {
      this.saasId = saasId;
    }

    /** {@return where the records are written in Oomnitza} */
    public SinkType getSink() {
      return sink;
    }

    /**
     * Sets {@link #getSink()}.
     *
     * @param sink where the records are written in Oomnitza
     */
    public void setSink(SinkType sink) {
      this.sink = sink;
    }

    /** {@return what happens to people no longer in Brex} */
    public Deprovisioning getDeprovisioning() {
      return deprovisioning;
    }

    /**
     * Sets {@link #getDeprovisioning()}.
     *
     * @param deprovisioning what happens to people no longer in Brex
     */
    public void setDeprovisioning(Deprovisioning deprovisioning) {
      this.deprovisioning = deprovisioning;
    }

    /** {@return when the scheduler runs the integration} */
    public ScheduleSettings getSchedule() {
      return schedule;
    }
  }

  /** What a sync does to Oomnitza people whose Brex user left. */
  public enum Deprovisioning {
    /** Nothing. */
    NONE,
    /** Sets {@code suspended: true}. */
    SUSPEND
  }

  /** {@code brexsync.integration.schedule.*}: daily at a time (the default), or every interval. */
  public static class ScheduleSettings {
    /** Run every this long (e.g. 6h) instead of daily. */
    private Duration every;

    /** Time of the daily run, HH:mm. */
    private String dailyAt = "02:00";

    /** Time zone of the daily run. */
    private String zone = "UTC";

    /** {@return the interval, or null} */
    public Duration getEvery() {
      return every;
    }

    /**
     * Sets {@link #getEvery()}.
     *
     * @param every the interval, or null
     */
    public void setEvery(Duration every) {
      this.every = every;
    }

    /** {@return the daily time} */
    public String getDailyAt() {
      return dailyAt;
    }

    /**
     * Sets {@link #getDailyAt()}.
     *
     * @param dailyAt the daily time
     */
    public void setDailyAt(String dailyAt) {
      this.dailyAt = dailyAt;
    }

    /** {@return the time zone of the daily time} */
    public String getZone() {
      return zone;
    }

    /**
     * Sets {@link #getZone()}.
     *
     * @param zone the time zone of the daily time
     */
    public void setZone(String zone) {
      this.zone = zone;
    }
  }

  /** {@code brexsync.sync.*}: the SyncEngine. */
  public static class Sync {
    /** Whether a SyncEngine (and its scheduler) is configured when both clients are. */
    private boolean enabled = true;

    /** Whether every run is a dry run: the same report, nothing written to Oomnitza or the state. */
    private boolean dryRun;

    /** {@return whether a SyncEngine is configured} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets {@link #isEnabled()}.
     *
     * @param enabled whether a SyncEngine is configured
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return whether runs are dry} */
    public boolean isDryRun() {
      return dryRun;
    }

    /**
     * Sets {@link #isDryRun()}.
     *
     * @param dryRun whether runs are dry
     */
    public void setDryRun(boolean dryRun) {
      this.dryRun = dryRun;
    }
  }

  /** {@code brexsync.state.*}: where each record's last written fingerprint is kept. */
  public static class State {
    /**
     * FILE (crash-safe files under the directory, survives restarts) or MEMORY (lost on restart: the
     * next run correlates everyone again by the sync key).
     */
    private StateType type = StateType.FILE;

    /** Directory of the FILE store; one subdirectory per integration. */
    private Path directory = Path.of("brexsync-state");

    /** {@return the kind of state store} */
    public StateType getType() {
      return type;
    }

    /**
     * Sets {@link #getType()}.
     *
     * @param type the kind of state store
     */
    public void setType(StateType type) {
      this.type = type;
    }

    /** {@return the directory of the file store} */
    public Path getDirectory() {
      return directory;
    }

    /**
     * Sets {@link #getDirectory()}.
     *
     * @param directory the directory of the file store
     */
    public void setDirectory(Path directory) {
      this.directory = directory;
    }
  }

  /** Where the sync state is kept. */
  public enum StateType {
    /** {@code FileSyncStateStore}. */
    FILE,
    /** {@code InMemorySyncStateStore}. */
    MEMORY
  }

  /** {@code brexsync.scheduler.*}: the in-process scheduler. */
  public static class Scheduler {
    /** Whether the integration runs on its schedule in this process. */
    private boolean enabled = true;

    /** Whether a run starts as soon as the application has started (in the background). */
    private boolean runOnStartup;

    /** How long shutdown waits for a run it cancelled to end (it ends after its batch in flight). */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    /** {@return whether the scheduler is configured} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets {@link #isEnabled()}.
     *
     * @param enabled whether the scheduler is configured
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return whether a run starts at startup} */
    public boolean isRunOnStartup() {
      return runOnStartup;
    }

    /**
     * Sets {@link #isRunOnStartup()}.
     *
     * @param runOnStartup whether a run starts at startup
     */
    public void setRunOnStartup(boolean runOnStartup) {
      this.runOnStartup = runOnStartup;
    }

    /** {@return the shutdown timeout} */
    public Duration getShutdownTimeout() {
      return shutdownTimeout;
    }

    /**
     * Sets {@link #getShutdownTimeout()}.
     *
     * @param shutdownTimeout the shutdown timeout
     */
    public void setShutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
    }
  }

  /**
   * {@code brexsync.cluster.*}: clustered scheduling, when connector-jdbc is on the class path and
   * the application has a {@code DataSource}.
   */
  public static class Cluster {
    /**
     * Whether the application's DataSource (PostgreSQL) keeps the sync state and schedules the runs
     * across every instance (connector-jdbc's ClusterScheduler), when connector-jdbc is on the class
     * path. False keeps the in-process scheduler and the brexsync.state.* store.
     */
    private boolean enabled = true;

    /** Whether brexsync's tables are created or migrated at startup; false only checks their version. */
    private boolean migrate = true;

    /** {@return whether clustered scheduling is on} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets {@link #isEnabled()}.
     *
     * @param enabled whether clustered scheduling is on
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** {@return whether the schema is migrated at startup} */
    public boolean isMigrate() {
      return migrate;
    }

    /**
     * Sets {@link #isMigrate()}.
     *
     * @param migrate whether the schema is migrated at startup
     */
    public void setMigrate(boolean migrate) {
      this.migrate = migrate;
    }
  }

  /** {@code brexsync.metrics.*}: Micrometer meters and observations. */
  public static class Metrics {
    /** Whether brexsync's meters and observations are recorded when a MeterRegistry is present. */
    private boolean enabled = true;

    /** {@return whether metrics are on} */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets {@link #isEnabled()}.
     *
     * @param enabled whether metrics are on
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /**
   * {@code brexsync.health.*}: the {@code brexsync} health indicator (turned off with
   * {@code management.health.brexsync.enabled=false}).
   */
  public static class Health {
    /** Whether the indicator checks that Brex and Oomnitza answer (one cheap authenticated GET each). */
    private boolean checkReachability = true;

    /** How long a reachability result is reused before the systems are asked again. */
    private Duration cacheTtl = Duration.ofMinutes(1);

    /** Timeout of each reachability request. */
    private Duration timeout = Duration.ofSeconds(5);

    /**
     * The indicator is DOWN when the last successful run finished longer ago than this (e.g. 26h for
     * a daily schedule); unset: no such check.
     */
    private Duration maxAge;

    /** {@return whether reachability is checked} */
    public boolean isCheckReachability() {
      return checkReachability;
    }

    /**
     * Sets {@link #isCheckReachability()}.
     *
     * @param checkReachability whether reachability is checked
     */
    public void setCheckReachability(boolean checkReachability) {
      this.checkReachability = checkReachability;
    }

    /** {@return the cache lifetime} */
    public Duration getCacheTtl() {
      return cacheTtl;
    }

    /**
     * Sets {@link #getCacheTtl()}.
     *
     * @param cacheTtl the cache lifetime
     */
    public void setCacheTtl(Duration cacheTtl) {
      this.cacheTtl = cacheTtl;
    }

    /** {@return the request timeout} */
    public Duration getTimeout() {
      return timeout;
    }

    /**
     * Sets {@link #getTimeout()}.
     *
     * @param timeout the request timeout
     */
    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }

    /** {@return the maximal age of the last success, or null} */
    public Duration getMaxAge() {
      return maxAge;
    }

    /**
     * Sets {@link #getMaxAge()}.
     *
     * @param maxAge the maximal age of the last success, or null
     */
    public void setMaxAge(Duration maxAge) {
      this.maxAge = maxAge;
    }
  }
}
