import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { writtenQuestions } from '../db/schema';
import { authorise, type Actor } from '../auth/authorise';
import { conflict, invalidField } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { appendDecision, lockGroup } from '../decision-log/log';
import { getGroup } from '../groups/groups';
import { writtenAnswerSchema } from '$lib/schemas/written';
import type { Clock } from '../clock';
import { findWritten } from './access';
import { lateness } from './rules';
import { groupToday } from '../ledger/items';

/**
 * The secretary or a respondent records the institution's written answer, verbatim, with the
 * date it was given (default today; never in the future). Once: a public record is not
 * rewritten, so a second answer is refused. A logged decision (`question.answered_in_writing`).
 */
export async function answerInWriting(
	db: Database,
	actor: Actor,
	groupSlug: string,
	writtenId: string,
	input: unknown,
	clock: Clock = {}
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'question.answer.written', group.id);
	await findWritten(db, group.id, writtenId);
	const data = parseInput(writtenAnswerSchema, input);
	const now = clock.now ?? new Date();
	const today = groupToday(group, now);
	const answeredOn = data.answeredOn || today;
	if (answeredOn > today) throw invalidField('answeredOn', 'written.answer_future');
	return db.transaction(async (tx) => {
		await lockGroup(tx, group.id);
		const row = await findWritten(tx, group.id, writtenId, true);
		if (row.answer !== null) throw conflict('written.already_answered');
		const [answered] = await tx
			.update(writtenQuestions)
			.set({ answer: data.answer, answeredOn, answeredAt: now, answeredBy: user.id })
			.where(eq(writtenQuestions.id, row.id))
			.returning();
		const late = lateness(answered.dueOn, answeredOn, today);
		await appendDecision(tx, group.id, {
			kind: 'question.answered_in_writing',
			subject: `written:${answered.id}`,
			at: now,
			payload: {
				written: answered.id,
				question: answered.questionId,
				text: answered.text,
				answer: answered.answer,
				answeredOn,
				dueOn: answered.dueOn,
				daysLate: late.state === 'answered_late' ? late.days : 0
			}
		});
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'written.answer',
			subject: answered.id,
			details: { answeredOn }
		});
		return answered;
	});
}
