package org.brexsync.connector.sync.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.brexsync.connector.port.UserPage;
import org.brexsync.connector.port.UserSource;
import org.brexsync.connector.port.BulkResult;
import org.brexsync.connector.port.BulkRunLog;
import org.brexsync.connector.port.BulkUpload;
import org.brexsync.connector.port.UserSink;

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

  /**
   * Wraps a sink. Write calls are counted after they return, or when they fail after reaching
   * Oomnitza ({@link UserSink#wasSent}): a call refused before any request is not a write.
   */
  public UserSink sink(UserSink s) {
    return new UserSink() {
      @Override
      public List<ObjectNode> findUsers(String field, Collection<String> values) {
        oomnitza.incrementAndGet();
        return s.findUsers(field, values);
      }

      @Override
      public boolean forEachValue(String field, java.util.function.Consumer<List<String>> page) {
        return s.forEachValue(field, p -> {
          oomnitza.incrementAndGet();
          page.accept(p);
        });
      }

      @Override
      public ObjectNode createUser(ObjectNode fields) {
        return write(() -> s.createUser(fields));
      }

      @Override
      public ObjectNode updateUser(ObjectNode existing, ObjectNode changes) {
        return write(() -> s.updateUser(existing, changes));
      }

      @Override
      public String idOf(ObjectNode user) {
        return s.idOf(user);
      }

      @Override
      public BulkResult bulkUpload(BulkUpload upload) {
        BulkResult r;
        try {
          r = s.bulkUpload(upload);
        } catch (RuntimeException e) {
          failed(e);
          throw e;
        }
        if (r != null && r.anySent()) {
          counted();
        }
        return r;
      }

      @Override
      public void finalizeBulk(String portion) {
        write(() -> {
          s.finalizeBulk(portion);
          return null;
        });
      }

      @Override
      public void abortBulk(String portion, String reason) {
        write(() -> {
          s.abortBulk(portion, reason);
          return null;
        });
      }

      @Override
      public Optional<BulkRunLog> bulkRunLog(String portion) {
        oomnitza.incrementAndGet();
        return s.bulkRunLog(portion);
      }

      @Override
      public void assignSaasUsers(String saasId, List<String> userIds) {
        write(() -> {
          s.assignSaasUsers(saasId, userIds);
          return null;
        });
      }

      @Override
      public boolean isTransient(RuntimeException failure) {
        return s.isTransient(failure);
      }

      @Override
      public boolean wasSent(RuntimeException failure) {
        return s.wasSent(failure);
      }

      private <T> T write(java.util.function.Supplier<T> call) {
        T result;
        try {
          result = call.get();
        } catch (RuntimeException e) {
          failed(e);
          throw e;
        }
        counted();
        return result;
      }

      private void failed(RuntimeException e) {
        boolean sent;
        try {
          sent = s.wasSent(e);
        } catch (RuntimeException bad) {
          sent = true;
        }
        if (sent) {
          counted();
        }
      }

      private void counted() {
        oomnitza.incrementAndGet();
        oomnitzaWrites.incrementAndGet();
      }
    };
  }
}
