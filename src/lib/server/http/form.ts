import { fail, type RequestEvent } from '@sveltejs/kit';
import { isDomainError } from '../errors';
import { translateFields, translateMessage } from '../i18n';
import { formObject } from '../validation';
import type { FormFailure } from '$lib/forms';

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
		const t = event.locals.t;
		const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !secretFields.has(k)));
		if (error.retryAfter) event.setHeaders({ 'retry-after': String(error.retryAfter) });
		return fail(error.status, {
			action: actionName(event.url),
			error: translateMessage(t, error.msg),
			fields: translateFields(t, error.fields),
			values: kept
		} satisfies FormFailure);
	}
}

export function actionName(url: URL) {
	const key = [...url.searchParams.keys()].find((k) => k.startsWith('/'));
	return key ? key.slice(1) : 'default';
}
