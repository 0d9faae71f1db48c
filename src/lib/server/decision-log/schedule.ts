import type { Database } from '../db';
import { describeError, log } from '../log';
import { signDueCheckpoints } from './checkpoints';

/** How often the schedule looks: a group's head is signed within this of being due. */
const everyMs = 3_600_000;
/** The first look, soon after start-up (not during it). */
const firstMs = 15_000;

/**
 * Signs each group's log head at least daily (and whenever it grew since the last checkpoint)
 * from server start-up. Several instances may run it: the group lock makes one of them sign.
 * The timers never keep the process alive; the returned function stops them.
 */
export function startCheckpointSchedule(db: Database): () => void {
	let timer: NodeJS.Timeout | undefined;
	const run = () => {
		signDueCheckpoints(db)
			.then((signed) => {
				if (signed) log.info(`decision log: signed ${signed} checkpoint(s)`);
			})
			.catch((error: unknown) => log.error(`signing checkpoints: ${describeError(error)}`))
			.finally(() => {
				if (timer) timer = setTimeout(run, everyMs).unref();
			});
	};
	timer = setTimeout(run, firstMs).unref();
	return () => {
		clearTimeout(timer);
		timer = undefined;
	};
}
