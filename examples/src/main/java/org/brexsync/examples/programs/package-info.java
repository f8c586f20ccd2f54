/**
 * Small runnable programs showing the public API, each against the built-in sandbox when no
 * credentials are set: {@link org.brexsync.examples.programs.SyncUsers},
 * {@link org.brexsync.examples.programs.InviteUserAndIssueCard},
 * {@link org.brexsync.examples.programs.OffboardPerson},
 * {@link org.brexsync.examples.programs.ReceiveWebhooks}.
 */
package org.brexsync.examples.programs;
