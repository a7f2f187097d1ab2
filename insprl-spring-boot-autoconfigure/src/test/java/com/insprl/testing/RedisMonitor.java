package com.insprl.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Redis {@code MONITOR} on a raw socket: every command the server runs, from any client,
 * one line each, until a line holding a marker arrives. Lines of commands a Lua script
 * ran say {@code [0 lua]}; those are the server's own work, not round trips.
 */
public final class RedisMonitor implements AutoCloseable {

	private final Socket socket;

	private final BufferedReader in;

	/**
	 * Start monitoring a server on loopback.
	 * @param port the server's port
	 * @throws IOException if it cannot connect
	 */
	public RedisMonitor(int port) throws IOException {
		this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
		this.socket.setSoTimeout(10_000);
		OutputStream out = this.socket.getOutputStream();
		out.write("*1\r\n$7\r\nMONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
		out.flush();
		this.in = new BufferedReader(new InputStreamReader(this.socket.getInputStream(), StandardCharsets.UTF_8));
		String ok = this.in.readLine();
		if (!"+OK".equals(ok)) {
			throw new IOException("MONITOR answered " + ok);
		}
	}

	/**
	 * Return the lines seen until one holding the marker (which the caller has the server
	 * run, for example as {@code ECHO marker}), the marker's own line left out.
	 * @param marker the marker
	 * @return the lines
	 * @throws IOException if the server goes away or nothing comes for ten seconds
	 */
	public List<String> linesUntil(String marker) throws IOException {
		List<String> lines = new ArrayList<>();
		String line;
		while ((line = this.in.readLine()) != null) {
			if (line.contains(marker)) {
				return lines;
			}
			lines.add(line);
		}
		throw new IOException("MONITOR ended before the marker");
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
