import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { notAllowed } from '$lib/server/errors';
import { apiHandler } from '$lib/server/http/api';
import { rotateRoomCode } from '$lib/server/questions/admission';
import { liveContext } from '$lib/server/questions/live';
import { participantOf } from '$lib/server/http/live';
import { takesQuestions } from '$lib/questions-open';
import type { RequestHandler } from './$types';

/** Officers read the room code (`GET`) or make a new one (`POST`): `{ roomCode }`. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const officer = await participantOf(event, db);
	const context = await liveContext(db, officer, event.params.group, event.params.n);
	if (!context.canModerate) throw notAllowed();
	return json({
		roomCode: takesQuestions(context.meeting.state) ? context.meeting.joinCode : null
	});
});

export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const officer = await participantOf(event, db);
	const context = await liveContext(db, officer, event.params.group, event.params.n);
	return json({ roomCode: (await rotateRoomCode(db, officer, context)).joinCode });
});
