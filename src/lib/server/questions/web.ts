import type { RequestEvent } from '@sveltejs/kit';
import { getDb, type Database } from '../db';
import { listAgenda } from '../meetings/agenda';
import { orPageError } from '../meetings/web';
import { runFormAction } from '../http/form';
import { liveContext, liveSnapshot, type LiveContext, type Participant } from './live';
import {
	issueParticipantToken,
	participantCookie,
	setParticipantCookie,
	verifiedParticipantToken
} from './participant';
import { consume, participantsPerClient } from '../auth/rate-limit';
import { isDomainError } from '../errors';
import { clientKey } from '../http/session';

type LiveEvent = RequestEvent<{ group: string; n: string }>;

/**
 * The browser's participant and the acting account. A browser without a token this server issued
 * is given one (at most `participantsPerClient()` an hour per client address); it acts from its
 * next request on, never in the request that issued it: a script that drops its cookies gets
 * nothing but new identities to wait for, at that rate. Watching needs none.
 */
export async function participantOf(event: RequestEvent, db: Database): Promise<Participant> {
	const token = verifiedParticipantToken(event.cookies.get(participantCookie));
	if (!token) await issueParticipant(event, db);
	return { user: event.locals.user, token, locale: event.locals.locale };
}

async function issueParticipant(event: RequestEvent, db: Database) {
	try {
		await consume(db, participantsPerClient(), clientKey(event));
	} catch (error) {
		if (isDomainError(error) && error.code === 'rate_limited') return; // may still watch
		throw error;
	}
	setParticipantCookie(event.cookies, issueParticipantToken(), event.url.protocol === 'https:');
}

/** What the live, screen and moderation pages load: the snapshot and the agenda's titles. */
export async function loadLivePage(event: LiveEvent) {
	const db = await getDb();
	const participant = await participantOf(event, db);
	const context = await orPageError(
		event,
		liveContext(db, participant, event.params.group, event.params.n)
	);
	const [snapshot, agenda] = await Promise.all([
		liveSnapshot(db, context, participant),
		listAgenda(db, context.meeting.id)
	]);
	return {
		snapshot,
		agenda: agenda.map((item) => ({ id: item.id, title: item.title })),
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
