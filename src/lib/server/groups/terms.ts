import { and, eq, gt, lte } from 'drizzle-orm';
import type { Database } from '../db';
import { groupRoles } from '../db/schema';
import { emit } from '../events';
import { describeError, log } from '../log';
import { countPublicChange } from '../public-cache/versions';

/**
 * The people whose appointment for a term ended in `(since, until]`. Their powers ended at that
 * moment whatever else happens (`currentAppointment` compares with the clock); what is left is to
 * close their open live connections, as a resignation or a removal does.
 */
export async function termsEndedBetween(db: Database, since: Date, until: Date) {
	const rows = await db
		.selectDistinct({ userId: groupRoles.userId })
		.from(groupRoles)
		.where(
			and(
				eq(groupRoles.endedHow, 'term'),
				gt(groupRoles.endedAt, since),
				lte(groupRoles.endedAt, until)
			)
		);
	return rows.map((row) => row.userId);
}

/**
 * Closes, on this instance, the live connections of everyone whose term ended in `(since, until]`
 * (each instance looks for itself: connections opened before a process started cannot exist).
 */
export async function closeEndedTerms(db: Database, since: Date, until: Date) {
	const userIds = await termsEndedBetween(db, since, until);
	// The officers page no longer names them as serving: pages kept for readers are renewed.
	if (userIds.length > 0) await countPublicChange(db);
	for (const userId of userIds) emit('officer:ended', { userId, here: true });
	return userIds;
}

/** How often the schedule looks: an ended officer's console closes within this of the date. */
const everyMs = 30_000;

/** From start-up, `closeEndedTerms` every 30 seconds. The returned function stops it. */
export function startTermEndSchedule(db: Database): () => void {
	let since = new Date();
	const look = () => {
		const until = new Date();
		closeEndedTerms(db, since, until)
			.then(() => (since = until))
			.catch((error: unknown) => log.warn(`ending officers' terms: ${describeError(error)}`));
	};
	const timer = setInterval(look, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
