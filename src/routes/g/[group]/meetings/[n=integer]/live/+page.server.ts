import { askQuestion, withdrawQuestion } from '$lib/server/questions/ask';
import { castVote, rateAnswer } from '$lib/server/questions/votes';
import { admitBrowser, liveAction, loadLivePage } from '$lib/server/http/live';
import { newRequestId } from '$lib/request-id';
import { askToSpeak, withdrawSpeakerRequest } from '$lib/server/speakers/requests';
import {
	endTurn,
	giveFloor,
	moveSpeaker,
	setCurrentItem,
	setSpeakerTime
} from '$lib/server/speakers/chair';
import type { Database } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/authorise';

/** A speakers' list form: the domain function, with the meeting the page is about. */
const speakerAction =
	(
		work: (
			db: Database,
			actor: Actor,
			group: string,
			n: string,
			values: Record<string, string>
		) => Promise<unknown>
	) =>
	(event: Parameters<typeof liveAction>[0]) =>
		liveAction(event, async (db, participant, context, values) => {
			await work(db, participant, context.group.slug, String(context.meeting.number), values);
			return { speakers: true };
		});
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
	speakerAsk: speakerAction(askToSpeak),
	speakerWithdraw: speakerAction(withdrawSpeakerRequest),
	speakerFloor: speakerAction(giveFloor),
	speakerEnd: speakerAction(endTurn),
	speakerMove: speakerAction(moveSpeaker),
	speakerTime: speakerAction(setSpeakerTime),
	currentItem: speakerAction(setCurrentItem),
	rate: (event) =>
		liveAction(event, async (db, participant, context, values) => ({
			rated: (await rateAnswer(db, participant, context, values)).id
		}))
};
