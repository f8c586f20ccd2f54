package org.brexsync.examples.springboot;

import org.brexsync.connector.schedule.SyncScheduler;
import org.brexsync.connector.sync.SyncReport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application on brexsync-spring-boot-starter: the starter builds the Brex and
 * Oomnitza clients, the {@code SyncEngine} and its scheduler from {@code application.properties};
 * this class only syncs once at startup. Without credentials ({@code BREX_API_TOKEN}, {@code
 * OOMNITZA_URL}, {@code OOMNITZA_API_TOKEN}) it syncs the testkit's sandbox ({@link
 * SandboxInitializer}). {@code /actuator/health} shows the {@code brexsync} indicator and {@code
 * /actuator/prometheus} the brexsync meters.
 */
@SpringBootApplication
public class BrexsyncExampleApplication {
  /** Starts the application. */
  public static void main(String[] args) {
    start(args);
  }

  /** Starts the application (with the sandbox when no credentials are set) and returns its context. */
  public static ConfigurableApplicationContext start(String... args) {
    SpringApplication app = new SpringApplication(BrexsyncExampleApplication.class);
    app.addInitializers(new SandboxInitializer());
    return app.run(args);
  }

  /**
   * Syncs once before the application reports itself ready, through the scheduler so the run never
   * overlaps a scheduled one. ({@code brexsync.scheduler.run-on-startup=true} does the same in the
   * background, without delaying readiness.) Without a scheduler (Oomnitza not configured, say) the
   * starter's warning at startup says what is missing.
   */
  @Bean
  ApplicationRunner syncOnStart(ObjectProvider<SyncScheduler> scheduler) {
    return args -> scheduler.ifAvailable(s -> s.runNow().map(SyncReport::summary)
        .map(summary -> String.join(System.lineSeparator(), summary.lines().limit(4).toList()))
        .ifPresent(System.out::println));
  }
}
