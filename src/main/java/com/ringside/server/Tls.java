package com.ringside.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS for the master: a PKCS#12 (or JKS) keystore holding the server's key and certificate chain. The keystore
 * is read when the server is configured, so a wrong path or password stops start-up with a message, not the
 * first desk's connection.
 */
public record Tls(Path keystore, KeyStore keys, String password) {
    /** Loads {@code keystore}; {@code password} unlocks both the store and the key. */
    public static Tls load(Path keystore, char[] password) {
        if (!Files.isRegularFile(keystore)) {
            throw new IllegalArgumentException("--tls-keystore: there is no file " + keystore);
        }
        for (String type : new String[] {"PKCS12", "JKS"}) {
            try (InputStream in = Files.newInputStream(keystore)) {
                KeyStore keys = KeyStore.getInstance(type);
                keys.load(in, password);
                if (keys.size() == 0) {
                    throw new IllegalArgumentException("--tls-keystore: " + keystore + " holds no key");
                }
                return new Tls(keystore, keys, new String(password));
            } catch (IOException e) {
                if (e.getCause() instanceof java.security.UnrecoverableKeyException || type.equals("JKS")) {
                    throw new IllegalArgumentException("--tls-keystore: " + keystore
                            + " cannot be read with that password (or is not a PKCS#12 or JKS keystore)", e);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("--tls-keystore: " + keystore + " cannot be read: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keys);
        ssl.setKeyStorePassword(password);
        ssl.setKeyManagerPassword(password);
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    @Override
    public String toString() {
        return "Tls[" + keystore + "]";
    }
}
