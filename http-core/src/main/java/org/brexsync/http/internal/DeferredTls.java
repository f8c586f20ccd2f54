package org.brexsync.http.internal;

import java.security.AlgorithmConstraints;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JDK's default TLS context ({@link SSLContext#getDefault()}), made only when a TLS connection
 * first needs it. The JDK's HTTP client asks for the default context and its parameters when it is
 * built, even when every request is plain {@code http://}; making that context reads and parses the
 * CA certificates and loads the crypto providers, the largest single cost between the start of a
 * short-lived process (the CLI) and its first request. Built with this context instead, an HTTP
 * client that only talks plain HTTP (the sandbox, a loopback proxy) never makes it, and one that
 * talks TLS makes it at its first connection: the same context, the same trust, the same protocols
 * and cipher suites, only later. Not public API.
 */
public final class DeferredTls {
  private static final SSLContext DEFAULT = deferred(DeferredTls::jdkDefault);

  private DeferredTls() {}

  /** The deferred default context (one per JVM, like the default it stands for). */
  public static SSLContext context() {
    return DEFAULT;
  }

  /** A context that asks {@code real} for the context it stands for at its first use, once. */
  static SSLContext deferred(Supplier<SSLContext> real) {
    return new Context(new Spi(real));
  }

  private static SSLContext jdkDefault() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no default TLS context", e);
    }
  }

  private static final class Context extends SSLContext {
    Context(Spi spi) {
      super(spi, new Provider("brexsync-deferred-tls", "1", "The JDK's default TLS context, made on first use") {
        private static final long serialVersionUID = 1L;
      }, "Default");
    }
  }

  private static final class Spi extends SSLContextSpi {
    private final Lazy<SSLContext> real;

    Spi(Supplier<SSLContext> source) {
      this.real = Lazy.of(source);
    }

    private SSLContext real() {
      return real.get();
    }

    @Override
    protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
      // like the JDK's default context, it is initialised already and cannot be again
      throw new KeyManagementException("the default TLS context is initialised already");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return real().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return real().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return real().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return real().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return real().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return real().getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return new DeferredParameters(this);
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return real().getSupportedSSLParameters();
    }
  }

  /**
   * The default context's parameters, copied from it on first access (read or write); from then on
   * a plain {@link SSLParameters}. The JDK's HTTP client keeps this object when it is built and copies
   * it into each TLS connection, so the copy is made at the first TLS connection. The accessors of the
   * server names, SNI matchers and cipher-suite order are final in {@code SSLParameters}: they show
   * the copied values once any other accessor was used (the HTTP client reads the algorithm
   * constraints first).
   */
  static final class DeferredParameters extends SSLParameters {
    private final Spi context;
    private boolean copied;

    DeferredParameters(Spi context) {
      this.context = context;
    }

    private void copyDefaults() {
      if (copied) {
        return;
      }
      copied = true;
      SSLParameters d = context.real().getDefaultSSLParameters();
      super.setCipherSuites(d.getCipherSuites());
      super.setProtocols(d.getProtocols());
      if (d.getNeedClientAuth()) {
        super.setNeedClientAuth(true);
      } else {
        super.setWantClientAuth(d.getWantClientAuth());
      }
      super.setAlgorithmConstraints(d.getAlgorithmConstraints());
      super.setEndpointIdentificationAlgorithm(d.getEndpointIdentificationAlgorithm());
      if (d.getServerNames() != null) {
        super.setServerNames(d.getServerNames());
      }
      if (d.getSNIMatchers() != null) {
        super.setSNIMatchers(d.getSNIMatchers());
      }
      super.setUseCipherSuitesOrder(d.getUseCipherSuitesOrder());
      super.setEnableRetransmissions(d.getEnableRetransmissions());
      super.setMaximumPacketSize(d.getMaximumPacketSize());
      super.setApplicationProtocols(d.getApplicationProtocols());
    }

    @Override
    public synchronized String[] getCipherSuites() {
      copyDefaults();
      return super.getCipherSuites();
    }

    @Override
    public synchronized void setCipherSuites(String[] value) {
      copyDefaults();
      super.setCipherSuites(value);
    }

    @Override
    public synchronized String[] getProtocols() {
      copyDefaults();
      return super.getProtocols();
    }

    @Override
    public synchronized void setProtocols(String[] value) {
      copyDefaults();
      super.setProtocols(value);
    }

    @Override
    public synchronized boolean getWantClientAuth() {
      copyDefaults();
      return super.getWantClientAuth();
    }

    @Override
    public synchronized void setWantClientAuth(boolean value) {
      copyDefaults();
      super.setWantClientAuth(value);
    }

    @Override
    public synchronized boolean getNeedClientAuth() {
      copyDefaults();
      return super.getNeedClientAuth();
    }

    @Override
    public synchronized void setNeedClientAuth(boolean value) {
      copyDefaults();
      super.setNeedClientAuth(value);
    }

    @Override
    public synchronized AlgorithmConstraints getAlgorithmConstraints() {
      copyDefaults();
      return super.getAlgorithmConstraints();
    }

    @Override
    public synchronized void setAlgorithmConstraints(AlgorithmConstraints value) {
      copyDefaults();
      super.setAlgorithmConstraints(value);
    }

    @Override
    public synchronized String getEndpointIdentificationAlgorithm() {
      copyDefaults();
      return super.getEndpointIdentificationAlgorithm();
    }

    @Override
    public synchronized void setEndpointIdentificationAlgorithm(String value) {
      copyDefaults();
      super.setEndpointIdentificationAlgorithm(value);
    }

    @Override
    public synchronized boolean getEnableRetransmissions() {
      copyDefaults();
      return super.getEnableRetransmissions();
    }

    @Override
    public synchronized void setEnableRetransmissions(boolean value) {
      copyDefaults();
      super.setEnableRetransmissions(value);
    }

    @Override
    public synchronized int getMaximumPacketSize() {
      copyDefaults();
      return super.getMaximumPacketSize();
    }

    @Override
    public synchronized void setMaximumPacketSize(int value) {
      copyDefaults();
      super.setMaximumPacketSize(value);
    }

    @Override
    public synchronized String[] getApplicationProtocols() {
      copyDefaults();
      return super.getApplicationProtocols();
    }

    @Override
    public synchronized void setApplicationProtocols(String[] value) {
      copyDefaults();
      super.setApplicationProtocols(value);
    }
  }
}
