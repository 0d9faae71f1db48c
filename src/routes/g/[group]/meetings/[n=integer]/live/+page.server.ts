import { askQuestion, withdrawQuestion } from '$lib/server/questions/ask';
import { castVote, rateAnswer } from '$lib/server/questions/votes';
import { admitBrowser, liveAction, loadLivePage } from '$lib/server/http/live';
import { newRequestId } from '$lib/request-id';
import type { Actions, PageServerLoad } from './$types';

// A new id for the question form each time the page is drawn: sent twice (a double tap, a retry),
// one question is asked.
export const load: PageServerLoad = async (event) => ({
	...(await loadLivePage(event)),
	requestId: newRequestId()
});

/** Without JavaScript, asking, voting, withdrawing and rating are plain form posts. */
export const actions: Actions = {
	ask: (event) =>
		liveAction(event, async (db, participant, context, values) => ({
			asked: (await askQuestion(db, participant, context, values)).state
		})),
	vote: (event) =>
		liveAction(event, async (db, participant, context, values) => ({
			voted: await castVote(db, participant, context, values)
		})),
	withdraw: (event) =>
		liveAction(event, async (db, participant, context, values) => ({
			withdrawn: (await withdrawQuestion(db, participant, context, values)).id
		})),
	admit: (event) =>
		liveAction(event, async (db, participant, context, values) => {
			await admitBrowser(event, db, participant, context, values);
			return { admitted: true };
		}),
	rate: (event) =>
		liveAction(event, async (db, participant, context, values) => ({
			rated: (await rateAnswer(db, participant, context, values)).id
		}))
};
