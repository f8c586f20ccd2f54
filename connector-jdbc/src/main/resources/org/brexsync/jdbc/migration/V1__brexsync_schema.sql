-- brexsync schema, version 1 (PostgreSQL 12 or later). Applied by Flyway from connector-jdbc's jar
-- (BrexsyncSchema.migrate), or by hand from org/brexsync/jdbc/schema.sql, which holds the same
-- statements. Unqualified names: the tables go into the schema first on the search_path.

-- The version of this schema; brexsync refuses a database whose version is newer than it knows.
CREATE TABLE brexsync_schema_version (
  version integer NOT NULL
);
INSERT INTO brexsync_schema_version (version) VALUES (1);

-- One row per integration: the namespace of its records, and the start of its last successful run.
CREATE TABLE brexsync_integration (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  last_success timestamptz
);

-- What each source record (Brex user) was last written to Oomnitza as. "C" collation: the engine
-- visits records ordered by source id as UTF-8 bytes.
CREATE TABLE brexsync_record (
  integration_id bigint NOT NULL REFERENCES brexsync_integration (id) ON DELETE CASCADE,
  source_id text COLLATE "C" NOT NULL,
  fingerprint text NOT NULL,
  sync_key text NOT NULL,
  target_id text,
  PRIMARY KEY (integration_id, source_id)
);

-- The run history: one row per run of an integration or workflow, on any worker.
CREATE TABLE brexsync_run (
  run_id text PRIMARY KEY,
  integration text NOT NULL,
  kind text NOT NULL,
  worker text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  status text NOT NULL,
  created bigint NOT NULL DEFAULT 0,
  updated bigint NOT NULL DEFAULT 0,
  unchanged bigint NOT NULL DEFAULT 0,
  skipped bigint NOT NULL DEFAULT 0,
  failed bigint NOT NULL DEFAULT 0,
  deprovisioned bigint NOT NULL DEFAULT 0,
  reason text
);
CREATE INDEX brexsync_run_by_integration ON brexsync_run (integration, started_at DESC);
CREATE INDEX brexsync_run_by_start ON brexsync_run (started_at DESC);

-- Insight: since when each physical card has been seen SHIPPED, per namespace.
CREATE TABLE brexsync_shipment (
  namespace text NOT NULL,
  card_id text NOT NULL,
  shipped_since timestamptz NOT NULL,
  PRIMARY KEY (namespace, card_id)
);

-- db-scheduler's table (its PostgreSQL layout, under brexsync's name): one row per scheduled task
-- instance; picked/picked_by/last_heartbeat say which worker runs it and whether that worker lives.
CREATE TABLE brexsync_scheduled_tasks (
  task_name text NOT NULL,
  task_instance text NOT NULL,
  task_data bytea,
  execution_time timestamptz NOT NULL,
  picked boolean NOT NULL,
  picked_by text,
  last_success timestamptz,
  last_failure timestamptz,
  consecutive_failures integer,
  last_heartbeat timestamptz,
  version bigint NOT NULL,
  priority smallint,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX brexsync_scheduled_tasks_execution_time ON brexsync_scheduled_tasks (execution_time);
CREATE INDEX brexsync_scheduled_tasks_last_heartbeat ON brexsync_scheduled_tasks (last_heartbeat);
CREATE INDEX brexsync_scheduled_tasks_priority ON brexsync_scheduled_tasks (priority DESC, execution_time ASC);
