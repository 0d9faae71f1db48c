import { getDb } from '$lib/server/db';
import { signedInAction } from '$lib/server/http/form';
import { orPageError } from '$lib/server/http/page';
import { acceptInvitation, readInvitation } from '$lib/server/membership/invitations';
import type { Actions, PageServerLoad } from './$types';

// The link's token is the only key: the page says where the invitation stands, and an altered
// token is not found. Accepting needs the account the invitation was sent to.
export const load: PageServerLoad = async (event) => {
	const invitation = await orPageError(event, readInvitation(await getDb(), event.params.token));
	return {
		invitation,
		signedIn: !!event.locals.user,
		here: event.url.pathname
	};
};

export const actions: Actions = {
	accept: (event) =>
		signedInAction(event, async (db, _values, actor) => ({
			accepted: await acceptInvitation(db, actor, { token: event.params.token })
		}))
};
