import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteFolder } from '../db';
import { acquireLock } from '../db/lock';

/**
 * Replaces the embedded database with a backup. Refuses while the app runs (the folder's lock);
 * the folder it replaces is kept beside it, so a mistaken restore loses nothing.
 */
export async function restorePglite(dataDir: string, backupFile: string) {
	const source = path.resolve(backupFile);
	if (!fs.existsSync(source)) throw new Error(`No backup file at ${source}.`);
	const lock = acquireLock(dataDir);
	const current = pgliteFolder(dataDir);
	const kept = `${current}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
	try {
		if (fs.existsSync(current)) fs.renameSync(current, kept);
		try {
			const tar = new Blob([fs.readFileSync(source)]);
			const client = await PGlite.create({ dataDir: current, loadDataDir: tar });
			await client.query('select 1');
			await client.close();
		} catch (error) {
			fs.rmSync(current, { recursive: true, force: true });
			if (fs.existsSync(kept)) fs.renameSync(kept, current);
			throw new Error(
				`The backup could not be restored, nothing was changed: ${(error as Error).message}`,
				{ cause: error }
			);
		}
		return fs.existsSync(kept) ? kept : undefined;
	} finally {
		lock.release();
	}
}
