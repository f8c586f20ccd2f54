/**
 * Spring Boot auto-configuration for brexsync: {@link
 * org.brexsync.spring.boot.autoconfigure.BrexsyncProperties brexsync.* properties}, the Brex and
 * Oomnitza clients, the {@code SyncEngine} and its scheduler, Micrometer metrics and the {@code
 * brexsync} health indicator. Every bean backs off when the application defines its own.
 */
package org.brexsync.spring.boot.autoconfigure;
