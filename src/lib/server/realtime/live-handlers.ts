import * as v from 'valibot';
import { getDb, type Database } from '../db';
import { conflict } from '../errors';
import { liveContext, liveSnapshot, type LiveContext, type Participant } from '../questions/live';
import { askQuestion, withdrawQuestion } from '../questions/ask';
import { castVote, rateAnswer, type VoteContext } from '../questions/votes';
import { moderateQuestion } from '../questions/moderate';
import type { LiveMeeting } from '$lib/realtime/live-types';
import type { LiveSocket } from './connection';
import { meetingRoom, officersRoom } from './broadcast';
import { handle } from './handlers';

const joinSchema = v.object({
	group: v.pipe(v.string('validation.required'), v.maxLength(40, 'validation.too_long')),
	meeting: v.pipe(
		v.number('validation.invalid'),
		v.integer('validation.invalid'),
		v.minValue(1, 'validation.invalid')
	)
});

/** Payloads are checked by the domain's own schemas; here only that they are objects. */
const anyObject = v.looseObject({});

/**
 * The live meeting events: thin adapters over the domain functions the pages and the JSON API
 * also call. Most requests re-read the meeting, so a meeting that closes stops taking questions
 * at once on every instance. Votes, the hot path, use the context kept on the socket since the
 * last read, refreshed by the meeting's broadcasts. The vote's own statement checks that the
 * meeting is still live, so even a stale context can never let a vote through; one that looks
 * closed is read again before refusing.
 */
export function registerLiveHandlers(socket: LiveSocket) {
	const participant = (): Participant => ({
		user: socket.data.user,
		token: socket.data.participant
	});

	const keep = ({ meeting }: LiveContext) =>
		(socket.data.voting = { meeting: { id: meeting.id, state: meeting.state } });

	const joined = async () => {
		const at = socket.data.meeting;
		if (!at) throw conflict('live.not_joined');
		const db = await getDb();
		const context = await liveContext(db, participant(), at.group, at.meeting);
		keep(context);
		return { db, context };
	};

	// Every instance passes a meeting's broadcasts to its own clients (through Redis when there
	// are several): a change of state refreshes the kept context without a read.
	socket.onAnyOutgoing((event: string, payload: { meeting?: LiveMeeting }) => {
		const voting = socket.data.voting;
		if (event !== 'meeting:changed' || !payload.meeting || !voting) return;
		if (payload.meeting.id === voting.meeting.id) voting.meeting.state = payload.meeting.state;
	});

	/** The kept meeting, unless it says the meeting is not live (then it is read again). */
	const kept = async (): Promise<{ db: Database; context: VoteContext }> => {
		const voting = socket.data.voting;
		if (!voting || voting.meeting.state !== 'live') return joined();
		return { db: await getDb(), context: voting };
	};

	handle(socket, 'meeting:join', joinSchema, async ({ group, meeting }) => {
		const db = await getDb();
		const context = await liveContext(db, participant(), group, meeting);
		for (const room of socket.rooms) if (room !== socket.id) await socket.leave(room);
		await socket.join(meetingRoom(context.meeting.id));
		if (context.canModerate) await socket.join(officersRoom(context.meeting.id));
		socket.data.meeting = { group: context.group.slug, meeting: context.meeting.number };
		keep(context);
		return { snapshot: await liveSnapshot(db, context, participant()) };
	});

	handle(socket, 'question:ask', anyObject, async (input) => {
		const { db, context } = await joined();
		return { question: await askQuestion(db, participant(), context, input) };
	});

	handle(socket, 'question:vote', anyObject, async (input) => {
		const { db, context } = await kept();
		return castVote(db, participant(), context, input);
	});

	handle(socket, 'question:withdraw', anyObject, async (input) => {
		const { db, context } = await joined();
		return { question: await withdrawQuestion(db, participant(), context, input) };
	});

	handle(socket, 'question:rate', anyObject, async (input) => {
		const { db, context } = await joined();
		return { question: await rateAnswer(db, participant(), context, input) };
	});

	handle(socket, 'question:moderate', anyObject, async (input) => {
		const { db, context } = await joined();
		const { seq } = await moderateQuestion(db, participant(), context, input);
		return { seq };
	});
}
