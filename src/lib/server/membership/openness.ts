import { desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { membershipOpenings } from '../db/schema';
import { authorise, type Actor } from '../auth/authorise';
import { conflict } from '../errors';
import { parseInput } from '../validation';
import { openingSchema } from '$lib/schemas/membership';
import { getGroup } from '../groups/groups';
import { lockGroup } from '../decision-log/log';
import { checkReviewDate, recordOpening } from './opening-record';
import { nowOf } from './common';
import type { Clock } from '../clock';

/** The latest decision to open or close membership (undefined if the chair never made one). */
export async function currentOpening(db: Executor, groupId: string) {
	const [row] = await db
		.select()
		.from(membershipOpenings)
		.where(eq(membershipOpenings.groupId, groupId))
		.orderBy(desc(membershipOpenings.decidedAt))
		.limit(1);
	return row;
}

/** Every decision to open or close membership, newest first (a public record). */
export function listOpenings(db: Executor, groupId: string) {
	return db
		.select({
			open: membershipOpenings.open,
			reason: membershipOpenings.reason,
			reviewOn: membershipOpenings.reviewOn,
			decidedAt: membershipOpenings.decidedAt
		})
		.from(membershipOpenings)
		.where(eq(membershipOpenings.groupId, groupId))
		.orderBy(desc(membershipOpenings.decidedAt));
}

/**
 * The chair opens or closes membership, with a public reason; a closure names the date it will
 * be reviewed. A logged decision, shown on the group's page.
 */
export async function setMembershipOpen(
	db: Database,
	actor: Actor,
	groupSlug: string,
	input: unknown,
	options: Clock = {}
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'membership.open', group.id);
	const data = parseInput(openingSchema, input);
	const now = nowOf(options);
	const reviewOn = data.open ? null : checkReviewDate(data.reviewOn || null, now);
	return db.transaction(async (tx) => {
		const { membershipOpen } = await lockGroup(tx, group.id);
		if (membershipOpen === data.open) {
			throw conflict(data.open ? 'membership.already_open' : 'membership.already_closed');
		}
		return recordOpening(
			tx,
			group,
			{ open: data.open, reason: data.reason, reviewOn },
			{ userId: user.id, role: 'chair' },
			now
		);
	});
}
