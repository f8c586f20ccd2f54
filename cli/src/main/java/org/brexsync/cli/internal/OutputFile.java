package org.brexsync.cli.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.brexsync.cli.ConfigurationException;

/**
 * A file the CLI writes (reports, the dashboard): checked before the first request, written to a
 * temporary file in the same directory and moved into place only when complete, so a failed run
 * leaves the previous good file untouched and never a half-written one.
 *
 * <pre>{@code
 * OutputFile.check(out, "--out");          // at the start of the command
 * try (OutputFile f = OutputFile.create(out)) {
 *   write(f.writer());
 *   f.commit();                             // without it, close() deletes the temporary file
 * }
 * }</pre>
 */
public final class OutputFile implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final Writer writer;
  private boolean done;

  private OutputFile(Path target, Path temp, Writer writer) {
    this.target = target;
    this.temp = temp;
    this.writer = writer;
  }

  /**
   * Checks that {@code file} can be written, without creating anything: it is not a directory, and
   * its nearest existing ancestor is a writable directory (missing directories are created when the
   * file is written).
   *
   * @param option the option that named the file, for the message (e.g. {@code --report})
   * @throws ConfigurationException naming the option, the file and the problem
   */
  public static void check(Path file, String option) {
    check(file, option, true);
  }

  /**
   * {@link #check(Path, String)}; with {@code createsDirectories} false, the file's directory must
   * already exist.
   */
  public static void check(Path file, String option, boolean createsDirectories) {
    Path abs;
    try {
      abs = file.toAbsolutePath().normalize();
    } catch (InvalidPathException | java.io.IOError e) {
      throw new ConfigurationException(option + " " + file + " is not a usable path: " + e.getMessage(), e);
    }
    if (abs.getFileName() == null) {
      throw new ConfigurationException(option + " " + file + " names no file");
    }
    if (Files.isDirectory(abs)) {
      throw new ConfigurationException(option + " " + file + " is a directory; name a file");
    }
    if (Files.exists(abs) && !Files.isWritable(abs)) {
      throw new ConfigurationException(option + " " + file + " is not writable");
    }
    Path dir = abs.getParent();
    if (!createsDirectories && dir != null && !Files.exists(dir)) {
      throw new ConfigurationException("cannot write " + option + " " + file + ": the directory " + dir + " does not exist");
    }
    while (dir != null && !Files.exists(dir)) {
      dir = dir.getParent();
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new ConfigurationException("cannot write " + option + " " + file + ": " + (dir == null ? "no existing parent directory"
          : dir + " is not a directory"));
    }
    if (!Files.isWritable(dir)) {
      throw new ConfigurationException("cannot write " + option + " " + file + ": the directory " + dir + " is not writable");
    }
  }

  /**
   * Checks that {@code dir} is, or can be created as, a writable directory, without creating it.
   *
   * @throws ConfigurationException naming the option, the path and the problem
   */
  public static void checkDirectory(Path dir, String option) {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.exists(abs)) {
      if (!Files.isDirectory(abs)) {
        throw new ConfigurationException(option + " " + dir + " is not a directory");
      }
      if (!Files.isWritable(abs)) {
        throw new ConfigurationException(option + " " + dir + " is not writable");
      }
      return;
    }
    Path parent = abs.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
      throw new ConfigurationException("cannot create " + option + " " + dir + ": "
          + (parent == null ? "no existing parent directory" : parent + (Files.isDirectory(parent) ? " is not writable" : " is not a directory")));
    }
  }

  /**
   * Starts writing {@code file}: creates missing parent directories and a temporary file beside it.
   *
   * @throws ConfigurationException when the directory or the temporary file cannot be created
   */
  public static OutputFile create(Path file) {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
      FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
      Writer w = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8), 1 << 16);
      return new OutputFile(file, temp, w);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new ConfigurationException("cannot write " + file + ": " + e, e);
    }
  }

  /**
   * Writes {@code file} in one go: the previous content stays unless {@code body} completes.
   *
   * @throws ConfigurationException when the file cannot be written
   */
  public static void write(Path file, IoConsumer<Writer> body) {
    try (OutputFile f = create(file)) {
      try {
        body.accept(f.writer());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      f.commit();
    }
  }

  /** Something that writes to a {@link Writer}. */
  @FunctionalInterface
  public interface IoConsumer<T> {
    /** Writes. */
    void accept(T t) throws IOException;
  }

  /** Where the content goes until {@link #commit()}. */
  public Writer writer() {
    return writer;
  }

  /** The file that {@link #commit()} replaces. */
  public Path target() {
    return target;
  }

  /**
   * Flushes and syncs the temporary file and moves it over the target (atomically where the file
   * system can).
   *
   * @throws ConfigurationException when the file cannot be completed or moved
   */
  public void commit() {
    if (done) {
      throw new IllegalStateException("already committed or closed");
    }
    try {
      writer.close();
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      keepPermissions();
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } catch (IOException e) {
      close();
      throw new ConfigurationException("cannot write " + target + ": " + e, e);
    }
  }

  /**
   * A temporary file is private (rw-------): give the result the previous file's permissions, or
   * the usual rw-r--r-- of a new file, so replacing a report does not hide it from its readers.
   */
  private void keepPermissions() throws IOException {
    if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temp, perms);
  }

  /** Deletes the temporary file unless {@link #commit()} moved it into place. */
  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    try {
      writer.close();
    } catch (IOException e) {
      // the file is deleted below anyway
    }
    deleteQuietly(temp);
  }

  private static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a leftover hidden temporary file is harmless; the target is untouched
    }
  }
}
