import { error, type RequestEvent } from '@sveltejs/kit';
import { isDomainError } from '../errors';
import { translateMessage } from '../i18n';
import { getDb, type Database } from '../db';
import type { SessionUser } from '../auth/session';
import type { Locale } from '$lib/i18n';
import { runFormAction } from '../http/form';
import { requireSignedIn } from '../http/session';

/** For pages' loads: an expected failure (404 for a draft, 403…) becomes the error page. */
export async function orPageError<T>(event: Pick<RequestEvent, 'locals'>, work: Promise<T>) {
	try {
		return await work;
	} catch (e) {
		if (isDomainError(e)) error(e.status, translateMessage(event.locals.t, e.msg));
		throw e;
	}
}

/**
 * A form action of the meeting pages: signed in (else to the sign-in page), then one domain call
 * with the posted values; the domain checks the role. Failures come back as `fail(…)`.
 */
export function meetingAction<T>(
	event: RequestEvent,
	work: (
		db: Database,
		values: Record<string, string>,
		actor: { user: SessionUser; locale: Locale },
		data: FormData
	) => Promise<T>
) {
	const user = requireSignedIn(event);
	const actor = { user, locale: event.locals.locale };
	return runFormAction(event, async (values, data) => work(await getDb(), values, actor, data));
}
