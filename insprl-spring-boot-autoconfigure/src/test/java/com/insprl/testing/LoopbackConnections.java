package com.insprl.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Counts this machine's established TCP connections to a port, from the kernel's own
 * tables ({@code /proc/net/tcp}).
 */
public final class LoopbackConnections {

	private LoopbackConnections() {
	}

	/**
	 * Return how many connections to the port are established, counted from the client's
	 * side, or -1 where the kernel's tables cannot be read.
	 * @param port the server's port
	 * @return the count, or -1
	 * @throws IOException if a table cannot be read
	 */
	public static int establishedTo(int port) throws IOException {
		String remote = String.format(Locale.ROOT, ":%04X", port);
		int count = 0;
		boolean found = false;
		for (String table : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
			Path path = Path.of(table);
			if (!Files.isReadable(path)) {
				continue;
			}
			found = true;
			for (String line : Files.readAllLines(path)) {
				String[] columns = line.trim().split("\\s+");
				if (columns.length > 3 && columns[2].endsWith(remote) && columns[3].equals("01")) {
					count++;
				}
			}
		}
		return found ? count : -1;
	}

}
