import { json, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { choose, settingsOf, subscriberOfUser } from '$lib/server/notifications/subscribers';
import { requireUser } from '$lib/server/auth/authorise';
import { apiHandler, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import type { RequestHandler } from './$types';

async function mine(event: RequestEvent) {
	const db = await getDb();
	return { db, subscriber: await subscriberOfUser(db, requireUser(actorOf(event)).id) };
}

/** The signed-in account's notification settings: `{ email, active, choices, groups }`. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const { db, subscriber } = await mine(event);
	const { subscriberId: _, ...settings } = await settingsOf(db, subscriber);
	return json(settings);
});

/** Change choices: `{ meetings: 'now' | 'digest' | 'off', … }` (topics not sent keep theirs). */
export const PATCH: RequestHandler = apiHandler(async (event) => {
	const { db, subscriber } = await mine(event);
	await choose(db, subscriber, await readJson(event));
	const { subscriberId: _, ...settings } = await settingsOf(db, (await mine(event)).subscriber);
	return json(settings);
});
