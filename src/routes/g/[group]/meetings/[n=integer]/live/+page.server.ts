import { askQuestion, withdrawQuestion } from '$lib/server/questions/ask';
import { castVote, rateAnswer } from '$lib/server/questions/votes';
import { admitBrowser, liveAction, loadLivePage } from '$lib/server/http/live';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadLivePage(event);

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
