package org.brexsync.cli.internal;

import java.io.PrintWriter;
import org.brexsync.brex.BrexAuthenticationException;
import org.brexsync.brex.BrexNetworkException;
import org.brexsync.brex.BrexPermissionException;
import org.brexsync.brex.BrexTokenExpiredException;
import org.brexsync.connector.IntegrationConfigException;
import org.brexsync.connector.IntegrationNotLaunchableException;
import org.brexsync.connector.mapping.MappingException;
import org.brexsync.connector.state.CorruptStateException;
import org.brexsync.cli.Brexsync;
import org.brexsync.cli.ConfigurationException;
import org.brexsync.oomnitza.OomnitzaApiException;
import org.brexsync.oomnitza.OomnitzaAuthenticationException;
import org.brexsync.oomnitza.OomnitzaNetworkException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear message on stderr and an exit code; stack traces only for
 * unexpected errors and only with {@code BREXSYNC_DEBUG=1}.
 */
public final class Errors implements CommandLine.IExecutionExceptionHandler {
  private final CliContext ctx;

  public Errors(CliContext ctx) {
    this.ctx = ctx;
  }

  /** Bad options or arguments: the message and where to get help, exit code 2. */
  public static int usage(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + ex.getMessage());
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return Brexsync.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = ctx.err();
    int code = exitCode(ex);
    switch (code) {
      case Brexsync.USAGE -> err.println("error: " + ex.getMessage());
      case Brexsync.UNREACHABLE -> err.println("error: could not reach or authenticate: " + ex.getMessage());
      default -> {
        err.println("error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        if ("1".equals(ctx.env().get("BREXSYNC_DEBUG"))) {
          ex.printStackTrace(err);
        } else {
          err.println("(set BREXSYNC_DEBUG=1 for details)");
        }
      }
    }
    err.flush();
    return code;
  }

  /** The exit code of a failure. */
  public static int exitCode(Throwable ex) {
    if (ex instanceof ConfigurationException || ex instanceof IntegrationConfigException
        || ex instanceof IntegrationNotLaunchableException || ex instanceof MappingException
        || ex instanceof CorruptStateException) {
      return Brexsync.USAGE;
    }
    if (isUnreachable(ex)) {
      return Brexsync.UNREACHABLE;
    }
    if (ex instanceof org.brexsync.jdbc.DatabaseException) {
      // A bad URL or schema is configuration; a server that cannot be reached or refuses the user is not.
      return ex.getMessage() != null && ex.getMessage().startsWith("cannot connect") ? Brexsync.UNREACHABLE : Brexsync.USAGE;
    }
    return Brexsync.FAILED_RECORDS;
  }

  /** Whether a failure means a system could not be reached or refused the credentials. */
  public static boolean isUnreachable(Throwable ex) {
    return ex instanceof BrexAuthenticationException || ex instanceof BrexPermissionException
        || ex instanceof BrexTokenExpiredException || ex instanceof BrexNetworkException
        || ex instanceof OomnitzaAuthenticationException || ex instanceof OomnitzaNetworkException
        || ex instanceof OomnitzaApiException && (((OomnitzaApiException) ex).status() == 401
            || ((OomnitzaApiException) ex).status() == 403);
  }
}
