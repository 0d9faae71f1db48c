import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/errors';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { answerInWriting } from '$lib/server/written/answer';
import { rateWrittenAnswer } from '$lib/server/written/rate';
import { getWritten } from '$lib/server/written/read';
import type { RequestHandler } from './$types';

const verbs = {
	answer: answerInWriting,
	rate: rateWrittenAnswer
} as const;

/**
 * `POST …/written/{id}/answer` (`{ answer, answeredOn? }`: the secretary or a respondent) |
 * `rate` (`{ verdict }`: any signed-in account) → the written question as it now stands.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const run = verbs[event.params.verb as keyof typeof verbs];
	if (!run) throw notFound();
	const db = await getDb();
	const { group, id } = event.params;
	await run(db, actorOf(event), group, id, await readJson(event));
	return json(await getWritten(db, await getGroup(db, group), id));
});
