import { config, ConfigError } from './config';
import { databaseHandle, openDatabase, setDatabase, type Database } from './db';
import { DataFolderInUse } from './db/lock';
import { startAdminSocket } from './admin/admin-socket';
import { attachRealtime, closeRealtime } from './realtime/attach';
import { socketServer } from './realtime/socket-server';
import { describeError, log } from './log';
import { pruneRateLimits } from './rate-limit';
import { drain } from './realtime/in-flight';
import { startCheckpointSchedule } from './decision-log/schedule';
import { startTermEndSchedule } from './groups/terms';
import { checkInstanceKey, SecretMismatch } from './instance-key';
import { importOldUploads } from './meetings/import-uploads';
import { enableMetrics } from './metrics';
import { startMailSender } from './mail/sender';
import { startNotifier } from './notifications/notifier';
import { startFolding } from './public-cache/folding';

/**
 * Opens everything the server needs before it takes requests: configuration, the database
 * (migrated), the admin socket for the embedded database, socket.io. A bad setting or a data
 * folder already in use stops the process with one clear line, never a stack trace.
 */
export async function startServer() {
	try {
		const settings = config();
		if (settings.metricsToken) enableMetrics(settings.metricsToken);
		const opening = openDatabase(settings);
		setDatabase(opening);
		const handle = await opening;
		await checkInstanceKey(handle.db);
		// Before requests: a paper still on disk would otherwise answer 404. A failure is logged
		// and the files stay, to be tried again at the next start.
		await importOldUploads(handle.db, settings.dataDir).catch((error: unknown) =>
			log.error(`importing old uploads failed: ${describeError(error)}`)
		);
		const adminSocket = handle.pglite ? await startAdminSocket(settings.dataDir) : undefined;
		const pruning = schedulePruning(handle.db);
		const io = socketServer();
		if (io) await attachRealtime(io, settings);
		log.info(
			`database: ${handle.kind === 'pglite' ? `embedded (${settings.dataDir})` : 'PostgreSQL'}`
		);
		const stopCheckpoints = startCheckpointSchedule(handle.db);
		const stopFolding = startFolding(handle.db);
		const stopTermEnds = startTermEndSchedule(handle.db);
		// Without SMTP_URL mail stays in the outbox, to be sent once it is set (docs/mail.md).
		// Notices become emails in the outbox whether or not a mail server is set.
		const notifier = startNotifier(handle.db);
		const mailSender = settings.smtpUrl
			? startMailSender(handle.db, { smtpUrl: settings.smtpUrl, mailFrom: settings.mailFrom })
			: undefined;
		process.once('sveltekit:shutdown', () => {
			void (async () => {
				clearInterval(pruning);
				adminSocket?.close();
				stopCheckpoints();
				stopFolding();
				stopTermEnds();
				// server.js has closed the sockets: the events already taken (a backlog of votes
				// under load) and their tallies finish before Redis and the database close.
				await drain();
				await notifier.stop();
				// The message being sent finishes (or keeps its claim) before the database closes.
				await mailSender?.stop();
				await closeRealtime();
				await (await databaseHandle()).close();
			})().catch((error: unknown) => log.error(`while shutting down: ${String(error)}`));
		});
	} catch (error) {
		if (
			error instanceof ConfigError ||
			error instanceof DataFolderInUse ||
			error instanceof SecretMismatch
		) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
}

/** How often rate-limit windows that ended long ago are dropped. */
const pruneEveryMs = 3_600_000;

/** Drops old rate-limit windows now and every hour, off every request's path. */
function schedulePruning(db: Database) {
	const prune = () =>
		void pruneRateLimits(db).catch((error: unknown) =>
			log.warn(`pruning rate limits failed: ${describeError(error)}`)
		);
	prune();
	const timer = setInterval(prune, pruneEveryMs);
	timer.unref(); // never keeps the process alive
	return timer;
}
