/** A Spring Boot application on brexsync-spring-boot-starter, runnable against the sandbox. */
package org.brexsync.examples.springboot;
