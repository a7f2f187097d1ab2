package com.insprl.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

import org.springframework.util.FileSystemUtils;

/**
 * A real Redis Cluster of three masters on 127.0.0.1, from the {@code redis-server}
 * binary the {@code embedded-redis} jar carries: cluster mode on, nodes joined with
 * {@code CLUSTER MEET} and slots assigned with {@code CLUSTER ADDSLOTS}, by this class's
 * own commands (no {@code redis-cli}, no Docker). Nothing is persisted; the nodes' files
 * live in a directory of their own, removed on close.
 */
public final class LoopbackRedisCluster implements AutoCloseable {

	private static final int MASTERS = 3;

	private final Path directory;

	private final List<Integer> ports = new ArrayList<>();

	private final List<RedisServer> servers = new ArrayList<>();

	private LoopbackRedisCluster() throws IOException {
		this.directory = Files.createTempDirectory("insprl-redis-cluster");
	}

	/**
	 * Start three masters, join them and assign every slot, then wait until each node
	 * says the cluster is ok.
	 * @return the running cluster
	 * @throws Exception if it cannot start in time
	 */
	public static LoopbackRedisCluster start() throws Exception {
		LoopbackRedisCluster cluster = new LoopbackRedisCluster();
		try {
			cluster.startNodes(null);
			cluster.join();
			return cluster;
		}
		catch (Exception | Error ex) {
			cluster.close();
			throw ex;
		}
	}

	/**
	 * Return a cluster not started yet, as one that is down when an application starts:
	 * its nodes' ports are chosen now, so that {@link #nodes()} can be configured.
	 * @return the cluster, not started
	 * @throws IOException if no ports are free
	 */
	public static LoopbackRedisCluster notStarted() throws IOException {
		LoopbackRedisCluster cluster = new LoopbackRedisCluster();
		for (int i = 0; i < MASTERS; i++) {
			cluster.ports.add(freePortWithFreeBusPort());
		}
		return cluster;
	}

	/**
	 * Start the nodes of a cluster from {@link #notStarted()} on their ports, join them
	 * and wait until the cluster is ok.
	 * @throws Exception if it cannot start in time
	 */
	public void startAndJoin() throws Exception {
		List<Integer> chosen = List.copyOf(this.ports);
		this.ports.clear();
		startNodes(chosen);
		join();
	}

	private void startNodes(@Nullable List<Integer> chosen) throws IOException {
		for (int i = 0; i < MASTERS; i++) {
			LoopbackRedis.PortProbe probe = (chosen != null) ? fixed(chosen.get(i))
					: LoopbackRedisCluster::freePortWithFreeBusPort;
			int port = LoopbackRedis.onFreePort(probe, (free) -> {
				Path dir = Files.createDirectories(this.directory.resolve("node-" + free));
				RedisServer server = RedisServer.newRedisServer()
					.port(free)
					.bind("127.0.0.1")
					.setting("save \"\"")
					.setting("appendonly no")
					.setting("cluster-enabled yes")
					.setting("cluster-config-file " + dir.resolve("nodes.conf"))
					.setting("cluster-node-timeout 1000")
					.setting("dir " + dir)
					.build();
				server.start();
				this.servers.add(server);
				return free;
			});
			this.ports.add(port);
		}
	}

	private static LoopbackRedis.PortProbe fixed(int port) {
		return () -> port;
	}

	private void join() throws InterruptedException {
		List<int[]> ranges = List.of(new int[] { 0, 5460 }, new int[] { 5461, 10922 },
				new int[] { 10923, SlotHash.SLOT_COUNT - 1 });
		for (int i = 0; i < MASTERS; i++) {
			int[] range = ranges.get(i);
			int index = i;
			withNode(this.ports.get(i), (connection) -> {
				if (index > 0) {
					connection.sync().clusterMeet("127.0.0.1", this.ports.get(0));
				}
				connection.sync().clusterAddSlots(IntStream.rangeClosed(range[0], range[1]).toArray());
			});
		}
		long deadline = System.nanoTime() + 30_000_000_000L;
		for (int port : this.ports) {
			while (!ready(port)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The Redis Cluster did not become ready in 30 s");
				}
				Thread.sleep(100);
			}
		}
	}

	private boolean ready(int port) {
		String[] info = new String[1];
		withNode(port, (connection) -> info[0] = connection.sync().clusterInfo());
		return info[0].contains("cluster_state:ok") && info[0].contains("cluster_known_nodes:" + MASTERS)
				&& info[0].contains("cluster_slots_ok:" + SlotHash.SLOT_COUNT);
	}

	private static void withNode(int port, NodeCommands commands) {
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			commands.run(connection);
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * Return the nodes as {@code spring.data.redis.cluster.nodes} takes them.
	 * @return {@code 127.0.0.1:port,...}
	 */
	public String nodes() {
		return this.ports.stream().map((port) -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	/**
	 * Return the port of the master that serves a key.
	 * @param key the key
	 * @return the master's port
	 */
	public int portServing(String key) {
		int slot = SlotHash.getSlot(key.getBytes(StandardCharsets.UTF_8));
		return this.ports.get((slot <= 5460) ? 0 : (slot <= 10922) ? 1 : 2);
	}

	/**
	 * Run a command on the master that serves a key.
	 * @param key the key
	 * @param commands what to run
	 */
	public void onNodeServing(String key, NodeCommands commands) {
		withNode(portServing(key), commands);
	}

	/**
	 * Stop the master that serves a key, as if it crashed.
	 * @param key the key
	 * @throws IOException if it cannot be stopped
	 */
	public void stopNodeServing(String key) throws IOException {
		this.servers.get(this.ports.indexOf(portServing(key))).stop();
	}

	@Override
	public void close() throws IOException {
		for (RedisServer server : this.servers) {
			if (server.isActive()) {
				server.stop();
			}
		}
		FileSystemUtils.deleteRecursively(this.directory);
	}

	/**
	 * A free port whose cluster bus port (the port plus 10000) is free too. Both lie
	 * below the range the system hands out for outgoing connections (from 32768), so that
	 * no client socket takes a bus port between this check and the node's start.
	 */
	static int freePortWithFreeBusPort() throws IOException {
		for (int tries = 0; tries < 100; tries++) {
			int port = ThreadLocalRandom.current().nextInt(20000, 22700);
			if (free(port) && free(port + 10000)) {
				return port;
			}
		}
		throw new IOException("No free port pair for a Redis Cluster node");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Commands for one node.
	 */
	@FunctionalInterface
	public interface NodeCommands {

		void run(StatefulRedisConnection<String, String> connection);

	}

}
