package com.insprl.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * A real Redis server on 127.0.0.1, from the binary the {@code embedded-redis} jar
 * carries: no install, no Docker. Nothing is persisted.
 */
public final class LoopbackRedis implements AutoCloseable {

	private final int port;

	private final RedisServer server;

	private LoopbackRedis(int port) throws IOException {
		this.port = port;
		this.server = RedisServer.newRedisServer()
			.port(port)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
	}

	/**
	 * Start a server on a free port.
	 * @return the running server
	 * @throws IOException if it cannot start
	 */
	public static LoopbackRedis start() throws IOException {
		return onFreePort(LoopbackRedis::freePort, (port) -> new LoopbackRedis(port).startServer());
	}

	/**
	 * Return a server not started yet, as a Redis that is down when an application
	 * starts, on a port free now and below the range the system hands out to outgoing
	 * connections, so that nothing takes it before {@link #startServer()}.
	 * @return the server, not started
	 * @throws IOException if no port is free
	 */
	public static LoopbackRedis notStarted() throws IOException {
		return new LoopbackRedis(LoopbackRedisCluster.freePortWithFreeBusPort());
	}

	/**
	 * Start the server.
	 * @return this server
	 * @throws IOException if it cannot start
	 */
	public LoopbackRedis startServer() throws IOException {
		this.server.start();
		return this;
	}

	/**
	 * Start something on a port found free, on another if that one was taken between the
	 * probe and the bind (by another test JVM), five tries at most.
	 * @param <T> what is started
	 * @param ports gives a port found free
	 * @param start starts on a port, failing if it cannot bind it
	 * @return what was started
	 * @throws IOException if five tries failed
	 */
	public static <T> T onFreePort(PortProbe ports, PortStart<T> start) throws IOException {
		for (int tries = 1;; tries++) {
			try {
				return start.on(ports.freePort());
			}
			catch (IOException ex) {
				if (tries == 5) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Return a port free on loopback now.
	 * @return the port
	 * @throws IOException if none can be had
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	public int port() {
		return this.port;
	}

	/**
	 * Stop the server, as if it crashed.
	 * @throws IOException if it cannot be stopped
	 */
	public void stop() throws IOException {
		this.server.stop();
	}

	@Override
	public void close() throws IOException {
		if (this.server.isActive()) {
			this.server.stop();
		}
	}

	/**
	 * Finds a port free now.
	 */
	@FunctionalInterface
	public interface PortProbe {

		int freePort() throws IOException;

	}

	/**
	 * Starts something on a port.
	 *
	 * @param <T> what is started
	 */
	@FunctionalInterface
	public interface PortStart<T> {

		T on(int port) throws IOException;

	}

}
