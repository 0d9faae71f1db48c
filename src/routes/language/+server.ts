import { redirect } from '@sveltejs/kit';
import { isLocale, localeCookie } from '$lib/i18n';
import { readFormData } from '$lib/server/http/form';
import { orPageError } from '$lib/server/http/page';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import type { RequestHandler } from './$types';

/** The language switcher: a plain form post, so it works without JavaScript. */
export const POST: RequestHandler = async (event) => {
	const { request, cookies, url } = event;
	// A body that is not a form (JSON, none) is the sender's mistake: 400, not an internal error.
	const form = await orPageError(event, readFormData(request));
	const lang = form.get('lang');
	if (isLocale(lang)) {
		cookies.set(localeCookie, lang, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 60 * 60 * 24 * 365
		});
	}
	// Only a path on this site: never an open redirect.
	redirect(303, safeRedirectTarget(String(form.get('redirectTo') ?? '/'), '/'));
};
