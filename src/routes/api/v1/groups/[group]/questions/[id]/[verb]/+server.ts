import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { notFound } from '$lib/server/errors';
import { apiHandler, readJson } from '$lib/server/http/api';
import { withdrawQuestion } from '$lib/server/questions/ask';
import { contextForQuestion } from '$lib/server/questions/live';
import { moderateQuestion, restoreQuestion } from '$lib/server/questions/moderate';
import { castVote, rateAnswer } from '$lib/server/questions/votes';
import { participantOf } from '$lib/server/http/live';
import type { RequestHandler } from './$types';

const verbs = {
	vote: castVote,
	withdraw: withdrawQuestion,
	rate: rateAnswer,
	moderate: moderateQuestion,
	restore: restoreQuestion
} as const;

/** `POST …/questions/{id}/vote | withdraw | rate | moderate | restore`: the socket events' JSON twins. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const run = verbs[event.params.verb as keyof typeof verbs];
	if (!run) throw notFound();
	const db = await getDb();
	const participant = await participantOf(event, db);
	const context = await contextForQuestion(db, participant, event.params.group, event.params.id);
	const body = { ...(await readJson(event)), questionId: event.params.id };
	return json(await run(db, participant, context, body));
});
