import { redirect } from '@sveltejs/kit';
import { isLocale, localeCookie } from '$lib/i18n';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import type { RequestHandler } from './$types';

/** The language switcher: a plain form post, so it works without JavaScript. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
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
