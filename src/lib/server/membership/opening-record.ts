import { eq } from 'drizzle-orm';
import type { Transaction } from '../db';
import { groups, membershipOpenings, type Group } from '../db/schema';
import { invalidField } from '../errors';
import { recordAudit } from '../audit';
import { appendDecision } from '../decision-log/log';

/**
 * A closure's review date: required, and not in the past. Throws a field error on `field`.
 */
export function checkReviewDate(reviewOn: string | null, now: Date, field = 'reviewOn'): string {
	if (!reviewOn) throw invalidField(field, 'membership.review_required');
	if (reviewOn < now.toISOString().slice(0, 10))
		throw invalidField(field, 'membership.review_past');
	return reviewOn;
}

/**
 * Records a decision to open or close membership, inside the caller's transaction: the row,
 * the group's flag and the log entry (with the public reason and the review date).
 */
export async function recordOpening(
	tx: Transaction,
	group: Pick<Group, 'id' | 'slug'>,
	decision: { open: boolean; reason: string; reviewOn: string | null },
	by: { userId: string; role: 'chair' | 'site_admin' },
	now: Date
) {
	await tx.update(groups).set({ membershipOpen: decision.open }).where(eq(groups.id, group.id));
	const [opening] = await tx
		.insert(membershipOpenings)
		.values({
			groupId: group.id,
			open: decision.open,
			reason: decision.reason,
			reviewOn: decision.open ? null : decision.reviewOn,
			decidedAt: now,
			decidedBy: by.userId
		})
		.returning();
	await appendDecision(tx, group.id, {
		kind: decision.open ? 'membership.opened' : 'membership.closed',
		subject: `group:${group.slug}`,
		at: now,
		payload: { reason: opening.reason, reviewOn: opening.reviewOn, role: by.role }
	});
	await recordAudit(tx, {
		actorId: by.userId,
		groupId: group.id,
		action: decision.open ? 'membership.open' : 'membership.close',
		subject: group.slug
	});
	return opening;
}
