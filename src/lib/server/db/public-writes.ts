/**
 * Public changes finished on the embedded database, counted in the process's memory.
 *
 * Every change the public could see appends a row to `public_changes` in its own transaction
 * (public-cache/versions.ts), and pages kept for anonymous readers are checked against the count
 * of those rows. On PostgreSQL other instances write too, so that count is read with every
 * request. On the embedded database only this process writes (the data folder's lock), and PGlite
 * runs one statement or transaction at a time: a statement that appends a change is seen here
 * when its transaction (or, outside one, the statement itself) has finished. While this number
 * is unchanged, the versions read from the database earlier are still the versions.
 */

/** What every statement that counts a public change contains (public-cache/versions.ts). */
export const publicChangeInsert = 'insert into public_changes';

export type PublicWrites = {
	/** How many transactions or statements that counted a public change have finished. */
	finished(): number;
	/** Runs a statement or transaction; `counted` tells whether it appended a change. */
	watch<T>(run: (counted: () => void) => Promise<T>): Promise<T>;
};

export function publicWrites(): PublicWrites {
	let finished = 0;
	return {
		finished: () => finished,
		async watch(run) {
			let counted = false;
			try {
				return await run(() => (counted = true));
			} finally {
				// Committed or rolled back alike: a rollback only costs one more read of the versions.
				if (counted) finished++;
			}
		}
	};
}

/** Whether statement text counts a public change. */
export const countsPublicChange = (sql: string) => sql.includes(publicChangeInsert);
