import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { translateError } from '$lib/server/i18n';
import { joinByCode, participantOf } from '$lib/server/http/live';
import { runFormAction } from '$lib/server/http/form';
import type { FormFailure } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

/**
 * The short address shown on the screen: a room code typed here (or carried by the screen's QR
 * code as `?code=`) admits this browser to the live meeting whose code it is, and opens its live
 * page. The form's first view gives the browser its participant token, so the post can act.
 */
export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const code = event.url.searchParams.get('code');
	if (code === null) {
		await participantOf(event, db);
		return { failure: null };
	}
	let live: string;
	try {
		live = await joinByCode(event, db, { code });
	} catch (error) {
		if (!isDomainError(error)) throw error;
		const failure = translateError(event.locals.t, error);
		return {
			failure: {
				action: 'default',
				error: failure.message,
				fields: failure.fields ?? {},
				values: { code }
			} satisfies FormFailure
		};
	}
	redirect(303, live);
};

export const actions: Actions = {
	default: async (event) => {
		const live = await runFormAction(event, async (values) =>
			joinByCode(event, await getDb(), values)
		);
		if (typeof live !== 'string') return live;
		redirect(303, live);
	}
};
