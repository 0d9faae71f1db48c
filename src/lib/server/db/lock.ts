import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock of its own: two processes on one data folder corrupt it silently.
 * The folder is guarded by a lock file created exclusively, holding the owner's pid and, where
 * the system tells it (Linux), when that process started. A lock left by a process that no longer
 * runs is taken over, and so is one whose pid is now another process's: in a container the app is
 * pid 1 again after a crash, so a pid alone would refuse every later start.
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

/**
 * When a process started, in clock ticks since boot (field 22 of `/proc/<pid>/stat`); undefined
 * where there is no /proc. Together with the pid it names one process, not whichever has the pid now.
 */
function startOf(pid: number): string | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) is in parentheses and may hold spaces: count after its end.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return undefined;
	}
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
	const [first, started] = text.split('\n');
	const pid = Number.parseInt(first, 10);
	if (!Number.isInteger(pid) || pid <= 0) return undefined;
	if (pid !== process.pid && !isRunning(pid)) return undefined;
	// The pid runs (it may be this process), but it may not be the process that wrote the lock.
	const now = startOf(pid);
	if (now === undefined) return pid; // no /proc: the pid is all there is
	// A lock without a start time was written before they were recorded, so not by this process.
	if (!started) return pid === process.pid ? undefined : pid;
	return now === started ? pid : undefined;
}

export type FolderLock = { release(): void };

/** Takes the folder's lock for this process or throws DataFolderInUse. */
export function acquireLock(dataDir: string): FolderLock {
	fs.mkdirSync(dataDir, { recursive: true });
	const file = lockPath(dataDir);
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			fs.writeFileSync(file, `${process.pid}\n${startOf(process.pid) ?? ''}\n`, { flag: 'wx' });
			return {
				release() {
					try {
						const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
						if (pid === process.pid) fs.unlinkSync(file);
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
