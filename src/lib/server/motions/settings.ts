import { and, eq, or, ne } from 'drizzle-orm';
import type { Executor } from '../db';
import { groups, motions } from '../db/schema';
import { authorise, type Actor } from '../auth/authorise';
import { conflict } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { appendDecision, lockGroup } from '../decision-log/log';
import { getGroup } from '../groups/groups';
import { motionRulesSchema } from '$lib/schemas/motions';
import type { Clock } from '../clock';

/**
 * The chair sets the group's quorum and majority for motions: a logged decision. Refused while a
 * vote is open, so a vote is always decided by the rules in force when it opened.
 */
export async function setMotionRules(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	input: unknown,
	clock: Clock = {}
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'motion.rules', group.id);
	const data = parseInput(motionRulesSchema, input);
	return db.transaction(async (tx) => {
		await lockGroup(tx, group.id);
		const [open] = await tx
			.select({ id: motions.id })
			.from(motions)
			.where(and(eq(motions.groupId, group.id), eq(motions.state, 'voting')))
			.limit(1);
		if (open) throw conflict('motions.rules_vote_open');
		const [row] = await tx
			.update(groups)
			.set({ motionQuorum: data.quorum, motionMajority: data.majority })
			.where(
				and(
					eq(groups.id, group.id),
					or(ne(groups.motionQuorum, data.quorum), ne(groups.motionMajority, data.majority))
				)
			)
			.returning();
		if (!row) throw conflict('motions.rules_unchanged');
		await appendDecision(tx, group.id, {
			kind: 'motions.rules_changed',
			subject: `group:${group.slug}`,
			at: clock.now ?? new Date(),
			payload: { quorum: data.quorum, majority: data.majority, role: 'chair' }
		});
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'motion.rules',
			subject: group.slug,
			details: { quorum: data.quorum, majority: data.majority }
		});
		return row;
	});
}
