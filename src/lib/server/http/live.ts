import type { RequestEvent } from '@sveltejs/kit';
import { getDb, type Database } from '../db';
import { motionsOfMeeting } from '../motions/read';
import { representedOrganisations } from '../meetings/members';
import { listAgenda } from '../meetings/agenda';
import { liveContext, liveSnapshot, type LiveContext, type Participant } from '../questions/live';
import { parseRooms, roomsCookie, withRoom } from '../questions/participation';
import { enterRoomCode, joinByRoomCode } from '../questions/admission';
import {
	actingIdentity,
	issueParticipantToken,
	meetingDayCookie,
	participantCookie,
	setParticipantCookie,
	verifiedParticipantToken
} from '../questions/participant';
import { translateError } from '../i18n';
import { consume, participantsPerClient } from '../rate-limit';
import { isDomainError } from '../errors';
import { actorOf } from './actor';
import { runFormAction } from './form';
import { orPageError } from './page';
import { clientKey } from './session';

type LiveEvent = RequestEvent<{ group: string; n: string }>;

/**
 * The browser's participant and the acting account. A browser without a token this server issued
 * is given one (at most `participantsPerClient()` an hour per client address); it acts from its
 * next request on, never in the request that issued it (only a GET, which acts on nothing, sees
 * it at once): a script that drops its cookies gets nothing but new identities to wait for, at
 * that rate. Watching needs none.
 */
export async function participantOf(event: RequestEvent, db: Database): Promise<Participant> {
	let token = verifiedParticipantToken(event.cookies.get(participantCookie));
	// Reading a page acts on nothing, so it may show the page as the new token will see it.
	if (!token) {
		const issued = await issueParticipant(event, db);
		if (event.request.method === 'GET') token = issued;
	}
	const rooms = parseRooms(event.cookies.get(roomsCookie));
	return { ...actorOf(event), token, rooms };
}

/** Issues a token to this browser (returned) unless its address has had its hour's allowance. */
async function issueParticipant(event: RequestEvent, db: Database) {
	try {
		await consume(db, participantsPerClient(), clientKey(event));
	} catch (error) {
		if (isDomainError(error) && error.code === 'rate_limited') return null; // may still watch
		throw error;
	}
	const token = issueParticipantToken();
	setParticipantCookie(event.cookies, token, event.url.protocol === 'https:');
	return token;
}

/**
 * Admits this browser to the meeting by its room code and remembers it in the `rooms` cookie
 * (HttpOnly, for the meeting's day). Returns the participant as now admitted.
 */
export async function admitBrowser(
	event: RequestEvent,
	db: Database,
	participant: Participant,
	context: LiveContext,
	input: unknown
): Promise<Participant> {
	const tag = await enterRoomCode(
		db,
		actingIdentity(participant),
		context,
		input,
		clientKey(event)
	);
	return rememberAdmission(event, participant, tag);
}

/** Adds an admission to the browser's `rooms` cookie (HttpOnly, for the meeting's day). */
function rememberAdmission(event: RequestEvent, participant: Participant, tag: string) {
	const rooms = withRoom(participant.rooms ?? [], tag);
	event.cookies.set(roomsCookie, rooms, meetingDayCookie(event.url.protocol === 'https:'));
	return { ...participant, rooms: parseRooms(rooms) };
}

/**
 * The short address's door (`/join`, typed or scanned): admits this browser to the live meeting
 * whose room code `input` carries, and returns the address of that meeting's live page.
 */
export async function joinByCode(event: RequestEvent, db: Database, input: unknown) {
	const participant = await participantOf(event, db);
	const joined = await joinByRoomCode(db, actingIdentity(participant), input, clientKey(event));
	rememberAdmission(event, participant, joined.admission);
	return `/g/${joined.group}/meetings/${joined.number}/live`;
}

/**
 * What the live, screen and moderation pages load: the snapshot and the agenda's titles. A
 * `?code=` (the screen's QR code) admits the browser and the page is drawn at once, admitted: no
 * redirect to the clean address, which would cost a phone on a slow network one more request
 * before it sees anything (2 s on Slow 3G, docs/performance.md). The page's script drops the
 * code from the address; without JavaScript it stays there until the first form post.
 */
export async function loadLivePage(event: LiveEvent) {
	const db = await getDb();
	let participant = await participantOf(event, db);
	const context = await orPageError(
		event,
		liveContext(db, participant, event.params.group, event.params.n)
	);
	let admission: string | undefined;
	const code = event.url.searchParams.get('code');
	if (code !== null) {
		try {
			participant = await admitBrowser(event, db, participant, context, { code });
		} catch (error) {
			if (!isDomainError(error)) throw error;
			admission = translateError(event.locals.t, error).message;
		}
	}
	const [snapshot, agenda, motions, represented] = await Promise.all([
		liveSnapshot(db, context, participant),
		listAgenda(db, context.meeting.id),
		motionsOfMeeting(db, context.group.id, context.meeting.id),
		participant.user ? representedOrganisations(db, context.group.id, participant.user.id) : []
	]);
	return {
		snapshot,
		admission,
		agenda: agenda.map((item) => ({ id: item.id, title: item.title })),
		motions,
		/** Where the meeting is streamed: linked, never loaded before the visitor follows it. */
		streamUrl: context.meeting.streamUrl,
		/** The viewer's member organisations: they vote on motions for them. */
		represented: represented.map((m) => ({ id: m.id, name: m.organisationName })),
		liveUrl: `${event.url.origin}/g/${context.group.slug}/meetings/${context.meeting.number}/live`
	};
}

/** A live page's form action (the no-JavaScript path): the same domain call a socket event makes. */
export function liveAction<T>(
	event: LiveEvent,
	work: (
		db: Awaited<ReturnType<typeof getDb>>,
		participant: Participant,
		context: LiveContext,
		values: Record<string, string>
	) => Promise<T>
) {
	return runFormAction(event, async (values) => {
		const db = await getDb();
		const participant = await participantOf(event, db);
		const context = await liveContext(db, participant, event.params.group, event.params.n);
		return work(db, participant, context, values);
	});
}
