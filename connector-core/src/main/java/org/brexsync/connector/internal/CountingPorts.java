package org.brexsync.connector.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.brexsync.connector.source.UserPage;
import org.brexsync.connector.source.UserSource;
import org.brexsync.connector.sync.BulkUpload;
import org.brexsync.connector.sync.UserSink;

/** Port decorators counting calls per system for the report. Not API. */
public final class CountingPorts {
  /** Brex calls. */
  public final AtomicLong brex = new AtomicLong();
  /** Oomnitza calls. */
  public final AtomicLong oomnitza = new AtomicLong();
  /** Oomnitza write calls. */
  public final AtomicLong oomnitzaWrites = new AtomicLong();

  /** Wraps a source. */
  public UserSource source(UserSource s) {
    return new UserSource() {
      @Override
      public UserPage listUsers(Optional<String> cursor, int limit) {
        brex.incrementAndGet();
        return s.listUsers(cursor, limit);
      }

      @Override
      public Optional<ObjectNode> getUser(String id) {
        brex.incrementAndGet();
        return s.getUser(id);
      }

      @Override
      public List<ObjectNode> listDepartments() {
        brex.incrementAndGet();
        return s.listDepartments();
      }

      @Override
      public List<ObjectNode> listLocations() {
        brex.incrementAndGet();
        return s.listLocations();
      }

      @Override
      public List<ObjectNode> listTitles() {
        brex.incrementAndGet();
        return s.listTitles();
      }
    };
  }

  /** Wraps a sink. */
  public UserSink sink(UserSink s) {
    return new UserSink() {
      @Override
      public List<ObjectNode> findUsers(String field, Collection<String> values) {
        oomnitza.incrementAndGet();
        return s.findUsers(field, values);
      }

      @Override
      public ObjectNode createUser(ObjectNode fields) {
        write();
        return s.createUser(fields);
      }

      @Override
      public ObjectNode updateUser(ObjectNode existing, ObjectNode changes) {
        write();
        return s.updateUser(existing, changes);
      }

      @Override
      public String idOf(ObjectNode user) {
        return s.idOf(user);
      }

      @Override
      public void bulkUpload(BulkUpload upload) {
        write();
        s.bulkUpload(upload);
      }

      @Override
      public void finalizeBulk(String portion) {
        write();
        s.finalizeBulk(portion);
      }

      @Override
      public void assignSaasUsers(String saasId, List<String> userIds) {
        write();
        s.assignSaasUsers(saasId, userIds);
      }

      private void write() {
        oomnitza.incrementAndGet();
        oomnitzaWrites.incrementAndGet();
      }
    };
  }
}
