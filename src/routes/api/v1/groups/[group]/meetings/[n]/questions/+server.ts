import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, publicRead, readJson } from '$lib/server/http/api';
import { askQuestion } from '$lib/server/questions/ask';
import { liveContext, liveSnapshot } from '$lib/server/questions/live';
import { participantOf } from '$lib/server/http/live';
import type { RequestHandler } from './$types';

/** The meeting's public questions: published, and the public moderation log (JSON or CSV). */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const context = await liveContext(db, { user: null }, event.params.group, event.params.n);
	const snapshot = await liveSnapshot(db, context, null);
	const items = snapshot.questions;
	return publicRead(event, { seq: snapshot.seq, items, next: null }, items);
});

/** An attendee asks: `{ text, anonymous, name?, agendaItemId? }` → 201 question. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const participant = await participantOf(event, db);
	const context = await liveContext(db, participant, event.params.group, event.params.n);
	const question = await askQuestion(db, participant, context, await readJson(event));
	return json(question, { status: 201 });
});
