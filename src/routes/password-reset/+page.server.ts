import { getDb } from '$lib/server/db';
import { requestPasswordReset } from '$lib/server/auth/account-links';
import { runFormAction } from '$lib/server/http/form';
import { clientKey } from '$lib/server/http/session';
import type { Actions } from './$types';

export const actions: Actions = {
	// The same answer whether or not an account uses the address (account-links.ts).
	default: async (event) =>
		(await runFormAction(event, async (values) => {
			await requestPasswordReset(await getDb(), values, clientKey(event), event.locals.locale);
		})) ?? { sent: true as const }
};
