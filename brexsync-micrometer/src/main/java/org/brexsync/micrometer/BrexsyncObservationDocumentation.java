package org.brexsync.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations brexsync makes: their names, conventions and key names. Low-cardinality keys
 * become meter tags and span tags; high-cardinality keys become span tags only.
 */
public enum BrexsyncObservationDocumentation implements ObservationDocumentation {
  /** One sync run, on the thread that called {@code SyncEngine.run()}. */
  SYNC_RUN {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
      return DefaultSyncRunObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return SyncRunKeys.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return new KeyName[] {HighCardinalityKeys.RUN_ID};
    }
  },

  /** One workflow step for one record. */
  WORKFLOW_STEP {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
      return DefaultWorkflowStepObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return WorkflowStepKeys.values();
    }
  },

  /** One HTTP attempt of brex-client, oomnitza-client or an API block. */
  HTTP_CLIENT_REQUEST {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
      return DefaultHttpClientObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return HttpClientKeys.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return new KeyName[] {HighCardinalityKeys.ATTEMPT, HighCardinalityKeys.VENDOR_TRACE_ID};
    }
  };

  /** Low-cardinality keys of {@link #SYNC_RUN}. */
  public enum SyncRunKeys implements KeyName {
    /** {@link BrexsyncMeters#INTEGRATION}. */
    INTEGRATION(BrexsyncMeters.INTEGRATION),
    /** {@link BrexsyncMeters#STATUS}. */
    STATUS(BrexsyncMeters.STATUS),
    /** {@link BrexsyncMeters#DRY_RUN}. */
    DRY_RUN(BrexsyncMeters.DRY_RUN);

    private final String key;

    SyncRunKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /** Low-cardinality keys of {@link #WORKFLOW_STEP}. */
  public enum WorkflowStepKeys implements KeyName {
    /** {@link BrexsyncMeters#WORKFLOW}. */
    WORKFLOW(BrexsyncMeters.WORKFLOW),
    /** {@link BrexsyncMeters#STEP}. */
    STEP(BrexsyncMeters.STEP),
    /** {@link BrexsyncMeters#OUTCOME}. */
    OUTCOME(BrexsyncMeters.OUTCOME);

    private final String key;

    WorkflowStepKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /** Low-cardinality keys of {@link #HTTP_CLIENT_REQUEST}. */
  public enum HttpClientKeys implements KeyName {
    /** {@link BrexsyncMeters#SYSTEM}. */
    SYSTEM(BrexsyncMeters.SYSTEM),
    /** {@link BrexsyncMeters#METHOD}. */
    METHOD(BrexsyncMeters.METHOD),
    /** {@link BrexsyncMeters#OPERATION}. */
    OPERATION(BrexsyncMeters.OPERATION),
    /** {@link BrexsyncMeters#STATUS}: the HTTP status, or {@code NONE} when no answer came. */
    STATUS(BrexsyncMeters.STATUS),
    /** {@link BrexsyncMeters#OUTCOME}. */
    OUTCOME(BrexsyncMeters.OUTCOME),
    /** {@link BrexsyncMeters#EXCEPTION}. */
    EXCEPTION(BrexsyncMeters.EXCEPTION);

    private final String key;

    HttpClientKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /** High-cardinality keys: span tags only, never meter tags; none of them names a person. */
  public enum HighCardinalityKeys implements KeyName {
    /** The sync run's id (a random UUID). */
    RUN_ID("run.id"),
    /** The attempt's number, 1 for the first. */
    ATTEMPT("attempt"),
    /** The vendor's trace id of the answer (e.g. {@code X-Brex-Trace-Id}), redacted, when present. */
    VENDOR_TRACE_ID("vendor.trace.id");

    private final String key;

    HighCardinalityKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }
}
