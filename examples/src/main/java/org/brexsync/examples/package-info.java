/**
 * Example programs ({@link org.brexsync.examples.programs}) and the clients they run with
 * ({@link org.brexsync.examples.ExampleClients}: from the environment, or the testkit's sandbox).
 */
package org.brexsync.examples;
