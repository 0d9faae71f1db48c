import { fail, type RequestEvent } from '@sveltejs/kit';
import { getDb, type Database } from '../db';
import { expectedFailure, invalid, type DomainError } from '../errors';
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
	run: (values: Record<string, string>, data: FormData) => Promise<T>,
	options: { tooLarge?: () => DomainError } = {}
) {
	let values: Record<string, string> = {};
	try {
		const data = await readFormData(event.request, options.tooLarge);
		values = formObject(data);
		return await run(values, data);
	} catch (thrown) {
		const error = expectedFailure(thrown);
		if (!error) throw thrown;
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
 * A posted form (multipart or URL-encoded). A body the server stopped reading (over
 * BODY_SIZE_LIMIT: only paper uploads may come near it) is refused with `tooLarge`, one that is
 * not a form at all as invalid: the sender's mistakes, never an internal error.
 */
export async function readFormData(
	request: Request,
	tooLarge: () => DomainError = () => invalid({}, 'error.body_too_large')
): Promise<FormData> {
	try {
		return await request.formData();
	} catch (error) {
		if ((error as { status?: number }).status === 413) throw tooLarge();
		throw invalid({}, 'error.form_unreadable');
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
	) => Promise<T>,
	options: { tooLarge?: () => DomainError } = {}
) {
	const actor = signedInActor(event);
	return runFormAction(
		event,
		async (values, data) => work(await getDb(), values, actor, data),
		options
	);
}

export function actionName(url: URL) {
	const key = [...url.searchParams.keys()].find((k) => k.startsWith('/'));
	return key ? key.slice(1) : 'default';
}
