/** The mapping engine: rules, transformers and their registry, strengths, smart mapping. */
package org.brexsync.connector.mapping;
