package dev.sessionkit.benchmarks.stores;

/**
 * A Redis server and database on loopback.
 *
 * @param host the host, {@code 127.0.0.1}
 * @param port the port
 * @param database the database index
 */
public record RedisTarget(String host, int port, int database) {

	/**
	 * Returns the target of a port on 127.0.0.1.
	 * @param port the port
	 * @param database the database index
	 * @return the target
	 */
	public static RedisTarget loopback(int port, int database) {
		return new RedisTarget("127.0.0.1", port, database);
	}

	/**
	 * Returns the server's URL, without the database.
	 * @return {@code redis://host:port}
	 */
	public String url() {
		return "redis://" + this.host + ":" + this.port;
	}

	/**
	 * Returns the same server with another database.
	 * @param database the database index
	 * @return the target
	 */
	public RedisTarget withDatabase(int database) {
		return new RedisTarget(this.host, this.port, database);
	}

}
