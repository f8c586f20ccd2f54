/** Oomnitza SaaS users, for the "User plus SaaS user" mode: {@link org.brexsync.oomnitza.saas.SaasUsersApi}. */
package org.brexsync.oomnitza.saas;
