/** brexsync testkit. */
package org.brexsync.testkit;
