import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import { listAgenda } from '../meetings/agenda';
import { liveContext, liveSnapshot, type LiveContext, type Participant } from '../questions/live';
import { participantToken } from '../questions/participant';
import { actorOf } from './actor';
import { runFormAction } from './form';
import { orPageError } from './page';

type LiveEvent = RequestEvent<{ group: string; n: string }>;

/** The browser's participant (its token cookie is made on first visit) and the acting account. */
export function participantOf(event: RequestEvent): Participant {
	return {
		...actorOf(event),
		token: participantToken(event.cookies, event.url.protocol === 'https:')
	};
}

/** What the live, screen and moderation pages load: the snapshot and the agenda's titles. */
export async function loadLivePage(event: LiveEvent) {
	const db = await getDb();
	const participant = participantOf(event);
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
		const participant = participantOf(event);
		const context = await liveContext(db, participant, event.params.group, event.params.n);
		return work(db, participant, context, values);
	});
}
