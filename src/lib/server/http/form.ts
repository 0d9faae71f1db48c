import { fail, type RequestEvent } from '@sveltejs/kit';
import { getDb, type Database } from '../db';
import { isDomainError } from '../errors';
import { translateError } from '../i18n';
import { formObject } from '../validation';
import type { FormFailure } from '$lib/forms';
import { signedInActor, type SignedInActor } from './actor';

/** Field names never echoed back to the page. */
const secretFields = new Set(['password', 'currentPassword', 'newPassword']);

/**
 * Runs a form action: reads the posted fields, calls the domain, and turns an expected
 * failure into `fail(status, { error, fields, values })` in the user's language, keeping what
 * they typed (passwords excepted). Anything unexpected goes on to `handleError`. `run` also gets
 * the raw FormData, for files.
 */
export async function runFormAction<T>(
	event: RequestEvent,
	run: (values: Record<string, string>, data: FormData) => Promise<T>
) {
	const data = await event.request.formData();
	const values = formObject(data);
	try {
		return await run(values, data);
	} catch (error) {
		if (!isDomainError(error)) throw error;
		const failure = translateError(event.locals.t, error);
		const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !secretFields.has(k)));
		if (error.retryAfter) event.setHeaders({ 'retry-after': String(error.retryAfter) });
		return fail(failure.status, {
			action: actionName(event.url),
			error: failure.message,
			fields: failure.fields ?? {},
			values: kept
		} satisfies FormFailure);
	}
}

/**
 * A form action for signed-in users (anyone else goes to the sign-in page): one domain call with
 * the posted values; the domain checks the role. Failures come back as `fail(…)`.
 */
export function signedInAction<T>(
	event: RequestEvent,
	work: (
		db: Database,
		values: Record<string, string>,
		actor: SignedInActor,
		data: FormData
	) => Promise<T>
) {
	const actor = signedInActor(event);
	return runFormAction(event, async (values, data) => work(await getDb(), values, actor, data));
}

export function actionName(url: URL) {
	const key = [...url.searchParams.keys()].find((k) => k.startsWith('/'));
	return key ? key.slice(1) : 'default';
}
