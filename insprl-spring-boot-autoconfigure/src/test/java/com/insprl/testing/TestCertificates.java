package com.insprl.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed certificates made for the test run by the JDK's {@code keytool}, in a
 * temporary folder: nothing is committed, and each run has fresh keys.
 */
public final class TestCertificates {

	public static final String PASSWORD = "insprl-test";

	private final Path keyStore;

	private TestCertificates(Path keyStore) {
		this.keyStore = keyStore;
	}

	/**
	 * Make a self-signed certificate (and key) for the given subject alternative names.
	 * @param alias the key store alias, also its common name
	 * @param subjectAlternativeNames such as {@code ip:127.0.0.1,dns:localhost}
	 * @return the certificate's key store
	 * @throws IOException if keytool failed
	 */
	public static TestCertificates selfSigned(String alias, String subjectAlternativeNames) throws IOException {
		Path folder = Files.createTempDirectory("insprl-tls-");
		Path store = folder.resolve(alias + ".p12");
		run(keytool(), "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
				"-dname", "CN=" + alias, "-ext", "SAN=" + subjectAlternativeNames, "-storetype", "PKCS12", "-keystore",
				store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
		// deleted on exit in the reverse order of registration: the file, then its folder
		folder.toFile().deleteOnExit();
		store.toFile().deleteOnExit();
		return new TestCertificates(store);
	}

	/**
	 * Return the PKCS12 key store holding the key and certificate, which also serves as a
	 * trust store for clients that should trust it.
	 * @return the file
	 */
	public Path keyStore() {
		return this.keyStore;
	}

	/**
	 * Return a server TLS context presenting the certificate.
	 * @return the context
	 * @throws Exception if the store cannot be read
	 */
	public SSLContext serverContext() throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(this.keyStore)) {
			store.load(in, PASSWORD.toCharArray());
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, PASSWORD.toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		return context;
	}

	private static String keytool() {
		return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
	}

	private static void run(String... command) throws IOException {
		Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("keytool failed: " + new String(process.getInputStream().readAllBytes()));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
		}
	}

}
