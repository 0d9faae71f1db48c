import * as v from 'valibot';
import { getDb, type Database } from '../db';
import { coalesced } from '../coalesce';
import { conflict } from '../errors';
import { liveContext, liveSnapshot, type LiveContext, type Participant } from '../questions/live';
import { askQuestion, withdrawQuestion } from '../questions/ask';
import { castVote, rateAnswer, type VoteContext } from '../questions/votes';
import { moderateQuestion, restoreQuestion } from '../questions/moderate';
import { castMotionVote } from '../motions/voting';
import { askToSpeak, withdrawSpeakerRequest } from '../speakers/requests';
import { endTurn, giveFloor, moveSpeaker, setCurrentItem, setSpeakerTime } from '../speakers/chair';
import { speakersOf } from '../speakers/read';
import type { Actor } from '../auth/authorise';
import type { LiveSocket } from './connection';
import { meetingRoom, officersRoom } from './broadcast';
import { request } from './handlers';
import { takesQuestions } from '$lib/questions-open';

/**
 * The live meeting events: thin adapters over the domain functions the pages and the JSON API
 * also call, declared once for every connection (handlers.ts). Most requests re-read the
 * meeting, so a meeting that closes stops taking questions at once on every instance. Votes, the
 * hot path, use the meeting's id and state kept on the socket since its last read. The vote's
 * own statement checks that the meeting is still live, so a stale copy never lets a vote
 * through; one that does not say `live` is read again first (and so refreshed).
 */

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

const participant = (socket: LiveSocket): Participant => ({
	user: socket.data.user,
	token: socket.data.participant,
	rooms: socket.data.rooms
});

function rememberMeeting(socket: LiveSocket, { meeting, canModerate }: LiveContext) {
	socket.data.voting = {
		meeting: { id: meeting.id, state: meeting.state, groupId: meeting.groupId },
		canModerate
	};
}

/** The meeting this socket joined, read again (and remembered for votes). */
async function readJoinedMeeting(socket: LiveSocket) {
	const at = socket.data.meeting;
	if (!at) throw conflict('live.not_joined');
	const db = await getDb();
	const context = await liveContext(db, participant(socket), at.group, at.meeting);
	rememberMeeting(socket, context);
	return { db, context };
}

/** The remembered meeting for a vote, unless it says the meeting takes no questions (then read again). */
async function votingMeeting(socket: LiveSocket): Promise<{ db: Database; context: VoteContext }> {
	const voting = socket.data.voting;
	if (!voting || !takesQuestions(voting.meeting.state)) return readJoinedMeeting(socket);
	return { db: await getDb(), context: voting };
}

/**
 * The meeting as anyone without an account sees it, read once for the joins that arrive together
 * (a hall rejoining a restarted server: R1 in docs/reliability.md), never older than a join's
 * request: see `coalesced`. Signed-in people read their own (their roles may let them moderate).
 */
const anonymousReads = new WeakMap<Database, (key: string, db: Database) => Promise<LiveContext>>();
function anonymousContext(db: Database, group: string, meeting: number) {
	let read = anonymousReads.get(db);
	if (!read) {
		read = coalesced((key: string, db: Database) => {
			const [slug, number] = key.split('\n');
			return liveContext(db, { user: null }, slug, number);
		});
		anonymousReads.set(db, read);
	}
	return read(`${group.toLowerCase()}\n${meeting}`, db);
}

request('meeting:join', joinSchema, async (socket, { group, meeting }) => {
	const db = await getDb();
	const context = socket.data.user
		? await liveContext(db, participant(socket), group, meeting)
		: await anonymousContext(db, group, meeting);
	// A socket follows one meeting at a time (its account's room stays).
	for (const room of socket.rooms) if (room.startsWith('meeting:')) await socket.leave(room);
	await socket.join(meetingRoom(context.meeting.id));
	if (context.canModerate) await socket.join(officersRoom(context.meeting.id));
	socket.data.meeting = { group: context.group.slug, meeting: context.meeting.number };
	rememberMeeting(socket, context);
	return { snapshot: await liveSnapshot(db, context, participant(socket)) };
});

request('question:ask', anyObject, async (socket, input) => {
	const { db, context } = await readJoinedMeeting(socket);
	return { question: await askQuestion(db, participant(socket), context, input) };
});

request('question:vote', anyObject, async (socket, input) => {
	const { db, context } = await votingMeeting(socket);
	return castVote(db, participant(socket), context, input);
});

request('question:withdraw', anyObject, async (socket, input) => {
	const { db, context } = await readJoinedMeeting(socket);
	return { question: await withdrawQuestion(db, participant(socket), context, input) };
});

request('question:rate', anyObject, async (socket, input) => {
	const { db, context } = await readJoinedMeeting(socket);
	return { question: await rateAnswer(db, participant(socket), context, input) };
});

request('question:moderate', anyObject, async (socket, input) => {
	const { db, context } = await readJoinedMeeting(socket);
	const { seq } = await moderateQuestion(db, participant(socket), context, input);
	return { seq };
});

request('question:restore', anyObject, async (socket, input) => {
	const { db, context } = await readJoinedMeeting(socket);
	const { seq } = await restoreQuestion(db, participant(socket), context, input);
	return { seq };
});

/** A representative's vote for their organisation on a motion of the joined meeting. */
request('motion:vote', anyObject, async (socket, input) => {
	const at = socket.data.meeting;
	if (!at) throw conflict('live.not_joined');
	const db = await getDb();
	const actor = { user: socket.data.user };
	const number = input.motion as number;
	const { motion } = await castMotionVote(db, actor, at.group, at.meeting, number, input);
	return { motion };
});

/**
 * The speakers' list of the joined meeting: each request calls its domain function (which checks
 * the permission and announces the change) and answers with the list as it now is.
 */
function speakerRequest(
	event: string,
	run: (
		db: Database,
		actor: Actor,
		group: string,
		meeting: number,
		input: Record<string, unknown>
	) => Promise<{ id: string; meetingId: string } | { agendaItemId: string | null }>
) {
	request(event, anyObject, async (socket, input) => {
		const at = socket.data.meeting;
		if (!at) throw conflict('live.not_joined');
		const db = await getDb();
		const actor = { user: socket.data.user };
		const result = await run(db, actor, at.group, at.meeting, input);
		const { context } = await readJoinedMeeting(socket);
		const speakers = await speakersOf(db, context.meeting.id);
		return 'id' in result ? { speakers, requestId: result.id } : { speakers };
	});
}

speakerRequest('speaker:request', askToSpeak);
speakerRequest('speaker:withdraw', withdrawSpeakerRequest);
speakerRequest('speaker:floor', giveFloor);
speakerRequest('speaker:end', endTurn);
speakerRequest('speaker:move', moveSpeaker);
speakerRequest('speaker:time', setSpeakerTime);
speakerRequest('agenda:current', setCurrentItem);

request('session:whoami', v.optional(v.object({}), {}), async (socket) => ({
	user: socket.data.user
		? { displayName: socket.data.user.displayName, isSiteAdmin: socket.data.user.isSiteAdmin }
		: null
}));
