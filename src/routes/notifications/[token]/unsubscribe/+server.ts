import { getDb } from '$lib/server/db';
import { unsubscribeByLink } from '$lib/server/notifications/subscribers';
import { expectedFailure } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/**
 * RFC 8058's one-click unsubscribe: the recipient's mail provider POSTs
 * `List-Unsubscribe=One-Click` from its own servers, with no cookie and no Origin (http/origin.ts
 * lets this path through: the token is the whole authority). A browser's form post, which asks
 * for HTML, goes to the page's action instead. 200 once done; 404 for a link that names nothing.
 */
export const POST: RequestHandler = async (event) => {
	try {
		await unsubscribeByLink(await getDb(), event.params.token, event.url.searchParams.get('topic'));
		return new Response(event.locals.t('unsubscribe.done_plain'), {
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	} catch (thrown) {
		const error = expectedFailure(thrown);
		if (!error) throw thrown;
		return new Response(event.locals.t(error.msg.key, error.msg.params), {
			status: error.status,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
};
