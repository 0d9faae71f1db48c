// Shared by the benchmarks and the tests (plain JavaScript, typed by JSDoc): a free port, and a
// scratch PostgreSQL database.
import net from 'node:net';
import postgres from 'postgres';

/** @returns {Promise<number>} a TCP port free on 127.0.0.1 right now */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/**
 * A new, empty PostgreSQL database on the server of `url`, and how to drop it (`keep` leaves it,
 * to look at afterwards).
 * @param {string} url
 * @param {string} [prefix] the start of the database's name (the rest is unique)
 */
export async function scratchDatabase(url, prefix = 'openfloor_scratch') {
	const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const target = new URL(url);
	target.pathname = `/${name}`;
	return {
		url: target.toString(),
		name,
		async drop(keep = false) {
			if (!keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end({ timeout: 5 });
		}
	};
}
