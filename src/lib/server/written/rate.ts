import { sql } from 'drizzle-orm';
import type { Database } from '../db';
import { writtenRatings } from '../db/schema';
import { requireUser, type Actor } from '../auth/authorise';
import { conflict } from '../errors';
import { parseInput } from '../validation';
import { getGroup } from '../groups/groups';
import { countPublicChange } from '../public-cache/versions';
import { writtenVerdictSchema } from '$lib/schemas/written';
import type { Clock } from '../clock';
import { findWritten } from './access';
import { keyedHash } from '../secrets';
import { identityOf } from '../questions/participant';

/** Whose verdict, as a keyed hash of the account and this written question: links to nothing else. */
export function raterKey(identity: string, writtenId: string) {
	return keyedHash('rater', writtenId, identity);
}

/**
 * The verdict on a written answer (answered / partly / not answered). Between meetings there is no
 * room to admit people to, so one verdict per signed-in account: a visitor's cookie is free to
 * make again and again, an account is not. Giving it again replaces one's own verdict.
 */
export async function rateWrittenAnswer(
	db: Database,
	actor: Actor,
	groupSlug: string,
	writtenId: string,
	input: unknown,
	clock: Clock = {}
) {
	const user = requireUser(actor);
	const group = await getGroup(db, groupSlug);
	const data = parseInput(writtenVerdictSchema, input);
	const now = clock.now ?? new Date();
	return db.transaction(async (tx) => {
		const row = await findWritten(tx, group.id, writtenId);
		if (row.answer === null) throw conflict('written.not_answered_yet');
		await tx
			.insert(writtenRatings)
			.values({
				writtenQuestionId: row.id,
				raterKey: raterKey(identityOf({ user, token: null })!, row.id),
				verdict: data.verdict,
				ratedAt: now
			})
			.onConflictDoUpdate({
				target: [writtenRatings.writtenQuestionId, writtenRatings.raterKey],
				set: { verdict: sql`excluded.verdict`, ratedAt: now }
			});
		await countPublicChange(tx);
		return { verdict: data.verdict };
	});
}
