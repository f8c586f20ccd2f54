/** The starter's implementation: not API, may change in any release. */
package org.brexsync.spring.boot.autoconfigure.internal;
