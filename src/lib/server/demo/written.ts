import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { memberships } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { getGroup } from '../groups/groups';
import { appointOfficer } from '../groups/officers';
import { answerInWriting } from '../written/answer';
import { askInWriting } from '../written/ask';
import { isoDay } from '../written/rules';
import { representativeOf } from './people';

const day = 86_400_000;

/**
 * Written questions in the story (issue 18): one a member organisation asked in writing 60 days
 * ago, whose answer came 12 days late (the Service's letter, recorded by the secretary); one asked
 * 40 days ago and still unanswered, overdue; and a respondent of the Service appointed by the
 * chair to answer the next ones. Logged now (the log's times only go forward), the answer dated
 * when the Service gave it.
 */
export async function loadWrittenDemo(
	db: Database,
	officers: { chair: SessionUser; secretary: SessionUser },
	respondent: SessionUser,
	groupSlug: string
) {
	const group = await getGroup(db, groupSlug);
	const memberIds = (
		await db
			.select({ id: memberships.id })
			.from(memberships)
			.where(and(eq(memberships.groupId, group.id), isNull(memberships.endedAt)))
			.orderBy(asc(memberships.startedAt))
	).map((m) => m.id);
	const now = Date.now();
	const ago = (days: number) => ({ now: new Date(now - days * day) });
	const [first, second] = memberIds;
	const asker = await representativeOf(db, first);
	const other = await representativeOf(db, second ?? first);
	if (!asker || !other) return;
	const late = await askInWriting(
		db,
		{ user: asker },
		groupSlug,
		{
			text: 'How many people detained under Operation Harbour were offered an interpreter before interview, and how many interviews went ahead without one?',
			membershipId: first
		},
		ago(60)
	);
	await askInWriting(
		db,
		{ user: other },
		groupSlug,
		{
			text: 'Will the Service publish the equality impact assessment it carried out before Operation Harbour began?',
			membershipId: second ?? first
		},
		ago(45)
	);
	await answerInWriting(db, { user: officers.secretary }, groupSlug, late.id, {
		answer:
			'Between January and March, 214 people were interviewed under Operation Harbour. 171 were offered an interpreter before interview; 43 interviews went ahead without one, 29 of them because the person declined. We are reviewing the remaining 14 cases and will report the outcome to the group.\n\nRiverside Police Service, Custody and Criminal Justice',
		answeredOn: isoDay(new Date(now - 20 * day))
	});
	await appointOfficer(db, { user: officers.chair }, groupSlug, {
		email: respondent.email,
		role: 'respondent'
	});
}
