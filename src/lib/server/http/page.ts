import { error, type RequestEvent } from '@sveltejs/kit';
import { isDomainError } from '../errors';
import { translateError } from '../i18n';

/** For pages' loads: an expected failure (404 for a draft, 403…) becomes the error page. */
export async function orPageError<T>(event: Pick<RequestEvent, 'locals'>, work: Promise<T>) {
	try {
		return await work;
	} catch (e) {
		if (isDomainError(e)) {
			const failure = translateError(event.locals.t, e);
			error(failure.status, failure.message);
		}
		throw e;
	}
}
