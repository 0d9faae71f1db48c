import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data folder corrupt it silently.
 * The folder is guarded by a lock file created exclusively, holding the owner's pid;
 * a lock left by a process that no longer runs is taken over.
 */
export class DataFolderInUse extends Error {
	override name = 'DataFolderInUse';
	constructor(
		readonly dataDir: string,
		readonly pid: number
	) {
		super(
			`Openfloor cannot open ${dataDir}: another Openfloor process (pid ${pid}) is using it. ` +
				`Stop that process first, or point DATA_DIR at another folder.`
		);
	}
}

export const lockFileName = 'openfloor.lock';

export function lockPath(dataDir: string) {
	return path.join(dataDir, lockFileName);
}

function isRunning(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists but belongs to someone else, so it is running.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The pid holding the folder's lock, if a running process holds it. */
export function lockHolder(dataDir: string): number | undefined {
	let text: string;
	try {
		text = fs.readFileSync(lockPath(dataDir), 'utf8');
	} catch {
		return undefined;
	}
	const pid = Number.parseInt(text, 10);
	if (!Number.isInteger(pid) || pid <= 0) return undefined;
	if (pid === process.pid) return pid;
	return isRunning(pid) ? pid : undefined;
}

export type FolderLock = { release(): void };

/** Takes the folder's lock for this process or throws DataFolderInUse. */
export function acquireLock(dataDir: string): FolderLock {
	fs.mkdirSync(dataDir, { recursive: true });
	const file = lockPath(dataDir);
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
			return {
				release() {
					try {
						if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
					} catch {
						// already gone
					}
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = lockHolder(dataDir);
			if (holder !== undefined) throw new DataFolderInUse(dataDir, holder);
			// Stale: its process is gone. Remove it and try again (another process may win the race).
			fs.rmSync(file, { force: true });
		}
	}
	throw new DataFolderInUse(dataDir, lockHolder(dataDir) ?? 0);
}
