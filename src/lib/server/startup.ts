import { config, ConfigError } from './config';
import { databaseHandle, openDatabase, setDatabase } from './db';
import { DataFolderInUse } from './db/lock';
import { startAdminSocket } from './admin/admin-socket';
import { attachRealtime, closeRealtime, socketServer } from './realtime/attach';
import { log } from './log';
import { drain } from './realtime/in-flight';
import { startCheckpointSchedule } from './decision-log/schedule';

/**
 * Opens everything the server needs before it takes requests: configuration, the database
 * (migrated), the admin socket for the embedded database, socket.io. A bad setting or a data
 * folder already in use stops the process with one clear line, never a stack trace.
 */
export async function startServer() {
	try {
		const settings = config();
		const opening = openDatabase(settings);
		setDatabase(opening);
		const handle = await opening;
		const adminSocket = handle.pglite ? await startAdminSocket(settings.dataDir) : undefined;
		const io = socketServer();
		if (io) await attachRealtime(io, settings);
		log.info(
			`database: ${handle.kind === 'pglite' ? `embedded (${settings.dataDir})` : 'PostgreSQL'}`
		);
		const stopCheckpoints = startCheckpointSchedule(handle.db);
		process.once('sveltekit:shutdown', () => {
			void (async () => {
				adminSocket?.close();
				stopCheckpoints();
				// server.js has closed the sockets: the events already taken (a backlog of votes
				// under load) and their tallies finish before Redis and the database close.
				await drain();
				await closeRealtime();
				await (await databaseHandle()).close();
			})().catch((error: unknown) => log.error(`while shutting down: ${String(error)}`));
		});
	} catch (error) {
		if (error instanceof ConfigError || error instanceof DataFolderInUse) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
}
