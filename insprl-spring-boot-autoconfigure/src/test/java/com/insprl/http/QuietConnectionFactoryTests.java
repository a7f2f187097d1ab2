package com.insprl.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Identifiable;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link QuietConnectionFactory}: its connections are named, closed once, never
 * bound after a close, and keep their socket timeout while idle in the pool.
 */
class QuietConnectionFactoryTests {

	private final QuietConnectionFactory factory = new QuietConnectionFactory(Http1Config.DEFAULT);

	private ServerSocket server;

	private Socket socket;

	@BeforeEach
	void connect() throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		this.socket = new Socket(InetAddress.getLoopbackAddress(), this.server.getLocalPort());
	}

	@AfterEach
	void disconnect() throws IOException {
		this.socket.close();
		this.server.close();
	}

	@Test
	void eachConnectionHasItsOwnIdWhichIsAlsoItsDescription() throws IOException {
		ManagedHttpClientConnection first = this.factory.createConnection(null);
		ManagedHttpClientConnection second = this.factory.createConnection(null);
		String id = ((Identifiable) first).getId();
		assertThat(id).startsWith("insprl-");
		assertThat(first).hasToString(id);
		assertThat(((Identifiable) second).getId()).startsWith("insprl-").isNotEqualTo(id);
	}

	@Test
	void aConnectionIsBoundToTheSocketItIsCreatedWith() throws IOException {
		ManagedHttpClientConnection connection = this.factory.createConnection(this.socket);
		assertThat(connection.getSocket()).isSameAs(this.socket);
		assertThat(connection.getSSLSession()).as("on a plain socket").isNull();
		assertThat(this.factory.createConnection(null).getSocket()).isNull();
	}

	@Test
	void closingAConnectionClosesItsSocketAndClosingItAgainDoesNothing() throws IOException {
		ManagedHttpClientConnection connection = this.factory.createConnection(this.socket);
		connection.close();
		assertThat(this.socket.isClosed()).isTrue();
		connection.close();
		connection.close(CloseMode.IMMEDIATE);
		assertThat(connection.isOpen()).isFalse();
	}

	@Test
	void closingAConnectionImmediatelyClosesItsSocket() throws IOException {
		ManagedHttpClientConnection connection = this.factory.createConnection(this.socket);
		connection.close(CloseMode.IMMEDIATE);
		assertThat(this.socket.isClosed()).isTrue();
	}

	@Test
	void aSocketBoundToAClosedConnectionIsClosedAndRefused() throws IOException {
		ManagedHttpClientConnection connection = this.factory.createConnection(null);
		connection.close();
		assertThatExceptionOfType(InterruptedIOException.class).isThrownBy(() -> connection.bind(this.socket))
			.withMessage("Connection already shutdown");
		assertThat(this.socket.isClosed()).isTrue();
	}

	@Test
	void anIdleConnectionWaitsWithoutTimeoutAndGetsItsTimeoutBackWhenActive() throws IOException {
		this.socket.setSoTimeout(1234);
		ManagedHttpClientConnection connection = this.factory.createConnection(this.socket);
		connection.passivate();
		assertThat(this.socket.getSoTimeout()).isZero();
		connection.activate();
		assertThat(this.socket.getSoTimeout()).as("the socket's own timeout").isEqualTo(1234);
		connection.setSocketTimeout(Timeout.ofMilliseconds(5678));
		connection.passivate();
		assertThat(this.socket.getSoTimeout()).isZero();
		connection.activate();
		assertThat(this.socket.getSoTimeout()).as("the timeout set since").isEqualTo(5678);
	}

}
