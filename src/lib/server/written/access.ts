import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { writtenQuestions, type WrittenQuestion } from '../db/schema';
import { notFound } from '../errors';
import { isUuid } from '../validation';

/** A group's written question by id, or 404 (an id of another group's is not found either). */
export async function findWritten(
	db: Executor,
	groupId: string,
	id: string,
	lock = false
): Promise<WrittenQuestion> {
	if (!isUuid(id)) throw notFound('written.not_found');
	const query = db
		.select()
		.from(writtenQuestions)
		.where(and(eq(writtenQuestions.id, id), eq(writtenQuestions.groupId, groupId)));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw notFound('written.not_found');
	return row;
}
