// npm run db:restore -- --file backups/openfloor-….tar.gz
// Replaces the embedded database with a backup; the app must be stopped first.
import { config } from '../src/lib/server/config';
import { lockHolder } from '../src/lib/server/db/lock';
import { restorePglite } from '../src/lib/server/admin/restore';
import { main, parseArgs } from '../src/lib/server/admin/cli';

const args = parseArgs(process.argv.slice(2));
await main(async () => {
	const settings = config();
	if (!args.file)
		return { ok: false, message: 'Usage: npm run db:restore -- --file <backup.tar.gz>' };
	if (settings.databaseUrl) {
		return {
			ok: false,
			message: 'db:restore is for the embedded database; use pg_restore for PostgreSQL.'
		};
	}
	const holder = lockHolder(settings.dataDir);
	if (holder !== undefined) {
		return {
			ok: false,
			message: `Stop the running app (pid ${holder}) before restoring a backup.`
		};
	}
	const kept = await restorePglite(settings.dataDir, args.file);
	return {
		ok: true,
		message:
			`Restored ${args.file} into ${settings.dataDir}.` +
			(kept ? ` The previous database is kept at ${kept}.` : '')
	};
});
