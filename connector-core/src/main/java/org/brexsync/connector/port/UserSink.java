package org.brexsync.connector.port;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;

/**
 * Port to the Oomnitza side. Records are JSON objects keyed by Oomnitza field external ids
 * ({@code username}, {@code email}, {@code first_name}, ...). The adapter over oomnitza-client is
 * {@code OomnitzaUserSink}; tests use in-memory fakes. Implementations must be thread-safe: the REST
 * writer calls {@link #createUser} and {@link #updateUser} concurrently. Any exception fails only the
 * records involved.
 */
public interface UserSink {

  /**
   * The Oomnitza users whose {@code field} is one of {@code values}: one list call per batch (an
   * {@code IN} filter), never one call per user.
   *
   * @param field the Oomnitza field external id to match on, e.g. {@code username}
   * @param values the values sought (one batch)
   * @return the matching users; empty when none match
   */
  List<ObjectNode> findUsers(String field, Collection<String> values);

  /**
   * Streams the value of {@code field} of every Oomnitza user, a page at a time, on the calling
   * thread (only that field is read; a sink may fetch pages in parallel). A first BULK run uses it to
   * tell new people from existing ones without a lookup per batch: the bulk endpoint matches by the
   * sync field itself, so only people already there need to be read for the report's field diff.
   * Returns false when the sink cannot list, and the engine then looks people up per batch. The
   * default cannot.
   *
   * @param field the Oomnitza field external id to read, e.g. {@code username}
   * @param page called with each page of values, on the calling thread
   * @return true when every value was streamed; false when the sink cannot list
   */
  default boolean forEachValue(String field, java.util.function.Consumer<List<String>> page) {
    return false;
  }

  /**
   * Creates a user.
   *
   * @param fields the new user's fields, keyed by field external id
   * @return the created record (with its identifier)
   */
  ObjectNode createUser(ObjectNode fields);

  /**
   * Changes some fields of an existing user.
   *
   * @param existing the user as returned by {@link #findUsers} (its identifier names the record)
   * @param changes only the fields to change, keyed by field external id
   * @return the updated record
   */
  ObjectNode updateUser(ObjectNode existing, ObjectNode changes);

  /**
   * {@return the identifier of an Oomnitza user record, as used in PATCH paths and SaaS assignments}
   *
   * @param user a record as returned by {@link #findUsers} or {@link #createUser}
   */
  String idOf(ObjectNode user);

  /**
   * Uploads one portion of a bulk run ({@code POST /api/v3/bulk}) and says what Oomnitza answered
   * for each record, in the order of {@link BulkUpload#records()}. Return
   * {@link BulkResult#unverified(int)} when the answer says nothing per record: the engine then
   * reports those records as unverified rather than written. Throw when nothing was answered.
   *
   * @param upload the portion and its records
   * @return Oomnitza's verdict on each record, in the order of {@link BulkUpload#records()}
   */
  BulkResult bulkUpload(BulkUpload upload);

  /**
   * Finalizes a bulk run ({@code POST /api/v3/bulk/{portion}/finalize}). The engine calls it only
   * when some upload of the run reached Oomnitza.
   *
   * @param portion the run's portion id ({@link BulkUpload#portion()})
   */
  void finalizeBulk(String portion);

  /**
   * Ends a bulk run that failed: tells Oomnitza why (where the API allows, as a fatal error in the
   * run log) and finalizes it. Best effort; the default just finalizes.
   *
   * @param portion the run's portion id ({@link BulkUpload#portion()})
   * @param reason why the run failed (shown to Oomnitza users; never a secret)
   */
  default void abortBulk(String portion, String reason) {
    finalizeBulk(portion);
  }

  /**
   * Oomnitza's own account of a finalized bulk run (its run log), when the sink can read it. The
   * engine asks for it once per run when some records could not be verified from the upload
   * answers. The default knows nothing.
   *
   * @param portion the run's portion id ({@link BulkUpload#portion()})
   * @return the run log; empty when the sink cannot read it
   */
  default java.util.Optional<BulkRunLog> bulkRunLog(String portion) {
    return java.util.Optional.empty();
  }

  /**
   * Assigns users to a SaaS application as SaaS users.
   *
   * @param saasId the Oomnitza SaaS application id
   * @param userIds Oomnitza user identifiers ({@link #idOf})
   */
  void assignSaasUsers(String saasId, List<String> userIds);

  /**
   * Whether a failed write may succeed if tried again (the engine then re-checks by sync key before
   * re-creating). The default treats messages naming an HTTP 4xx status other than 408 and 429 as
   * permanent and everything else (5xx, resets, timeouts) as transient; adapters refine it by
   * exception type.
   *
   * @param failure what a write of this sink threw
   * @return true when trying again may succeed
   */
  default boolean isTransient(RuntimeException failure) {
    String m = String.valueOf(failure.getMessage());
    java.util.regex.Matcher st = java.util.regex.Pattern.compile("HTTP (\\d{3})").matcher(m);
    if (st.find()) {
      int code = Integer.parseInt(st.group(1));
      return code >= 500 || code == 408 || code == 429;
    }
    return true;
  }

  /**
   * Whether a failed write was sent to Oomnitza (it may have been applied) rather than refused
   * before any request (a record the client could not encode, a missing field id). Only sent writes
   * are counted as writes in the report. The default treats argument errors as not sent and
   * everything else as sent; adapters refine it by exception type.
   *
   * @param failure what a write of this sink threw
   * @return true when the request may have reached Oomnitza
   */
  default boolean wasSent(RuntimeException failure) {
    return !(failure instanceof IllegalArgumentException
        || failure instanceof NullPointerException
        || failure instanceof UnsupportedOperationException);
  }
}
