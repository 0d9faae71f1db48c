import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { applications, membershipCategories, type Application } from '../db/schema';
import { conflict, notFound } from '../errors';
import { isUuid } from '../validation';
import { whyNot, type Transition } from './rules';
import type { Clock } from '../clock';

/** The application `id` in the group, or a 404 domain error. */
export async function findApplication(
	db: Executor,
	groupId: string,
	id: string
): Promise<Application> {
	if (!isUuid(id)) throw notFound('application.not_found');
	const [row] = await db
		.select()
		.from(applications)
		.where(and(eq(applications.id, id), eq(applications.groupId, groupId)));
	if (!row) throw notFound('application.not_found');
	return row;
}

/**
 * After a conditional update changed nothing: the application either does not exist or is not
 * in a state the transition starts from. Says which, as a domain error.
 */
export async function explainUnchanged(
	db: Executor,
	groupId: string,
	id: string,
	transition: Transition
): Promise<never> {
	const app = await findApplication(db, groupId, id);
	throw conflict(whyNot(app, transition) ?? 'error.conflict');
}

/** Times come from the caller when a story is replayed (the demo); otherwise now. */
export const nowOf = (clock: Clock = {}) => clock.now ?? new Date();

/** A category's name, for log entries and emails. */
export async function categoryNameOf(db: Executor, categoryId: string) {
	const [row] = await db
		.select({ name: membershipCategories.name })
		.from(membershipCategories)
		.where(eq(membershipCategories.id, categoryId));
	return row?.name ?? '';
}
