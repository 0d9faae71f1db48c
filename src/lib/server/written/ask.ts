import type { Database } from '../db';
import { writtenQuestions } from '../db/schema';
import { allows, requireUser, rolesOf, type Actor } from '../auth/authorise';
import { notAllowed } from '../errors';
import { consume, limits } from '../rate-limit';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { getGroup } from '../groups/groups';
import { actingMembership, representedOrganisations } from '../meetings/members';
import { askInWritingSchema } from '$lib/schemas/written';
import type { Clock } from '../clock';
import { defaultDueOn } from './rules';
import { groupToday } from '../ledger/items';

/**
 * A question asked in writing between meetings: by a current member organisation's
 * representative, for their organisation (named on the record: the organisation asks, not an
 * anonymous person), or by an officer who moderates questions, for the group. Due in 28 days.
 * Ten a day per account: each is owed an answer on the public ledger.
 */
export async function askInWriting(
	db: Database,
	actor: Actor,
	groupSlug: string,
	input: unknown,
	clock: Clock = {}
) {
	const user = requireUser(actor);
	const group = await getGroup(db, groupSlug);
	const data = parseInput(askInWritingSchema, input);
	const represented = await representedOrganisations(db, group.id, user.id);
	let organisation: { id: string; organisationName: string } | undefined;
	if (data.membershipId || represented.length > 0) {
		organisation = await actingMembership(db, group.id, user, data.membershipId);
	} else if (!allows(await rolesOf(db, user, group.id), 'question.moderate')) {
		throw notAllowed('written.not_member');
	}
	await consume(db, limits.writtenPerAccount, user.id);
	const now = clock.now ?? new Date();
	return db.transaction(async (tx) => {
		const [asked] = await tx
			.insert(writtenQuestions)
			.values({
				groupId: group.id,
				membershipId: organisation?.id ?? null,
				text: data.text,
				askedBy: user.id,
				askedAt: now,
				dueOn: defaultDueOn(groupToday(group, now))
			})
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'written.ask',
			subject: asked.id,
			details: { organisation: organisation?.organisationName, dueOn: asked.dueOn }
		});
		return asked;
	});
}
