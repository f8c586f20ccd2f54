/**
 * Workflows: Oomnitza API blocks for Brex. An {@link org.brexsync.connector.workflow.ApiBlock} is a
 * method, URL template, headers, body template, a credential reference and response mappings; the
 * eight Brex presets ship as JSON ({@link org.brexsync.connector.workflow.Presets}) and as typed
 * brex-client actions ({@link org.brexsync.connector.workflow.BrexActions}). A
 * {@link org.brexsync.connector.workflow.WorkflowRunner} runs them for one Oomnitza record or every
 * record matching a filter ({@link org.brexsync.connector.workflow.Target}), on demand, as a dry run,
 * or on a schedule ({@link org.brexsync.connector.workflow.WorkflowScheduler}), and writes responses
 * back through oomnitza-client. {@link org.brexsync.connector.workflow.OffboardingWorkflow}
 * deactivates people who left and locks or terminates their cards, idempotently.
 */
package org.brexsync.connector.workflow;
