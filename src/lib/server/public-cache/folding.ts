import type { Database } from '../db';
import { describeError, log } from '../log';
import { foldPublicChanges } from './versions';

const everyMs = 5_000;

/** Folds counted changes now and every five seconds (versions.ts). Returns the stop function. */
export function startFolding(db: Database): () => void {
	const fold = () =>
		void foldPublicChanges(db).catch((error: unknown) =>
			log.warn(`folding public changes failed: ${describeError(error)}`)
		);
	fold();
	const timer = setInterval(fold, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
