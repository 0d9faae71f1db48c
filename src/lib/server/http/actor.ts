import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../auth/authorise';
import type { SessionUser } from '../auth/session';
import type { Locale } from '$lib/i18n';
import { requireSignedIn } from './session';

/** Who acts in this request: the signed-in user (or nobody) and the language they read. */
export function actorOf(event: Pick<RequestEvent, 'locals'>): Actor {
	return { user: event.locals.user, locale: event.locals.locale };
}

export type SignedInActor = { user: SessionUser; locale: Locale };

/** The same for pages only signed-in users may use: anyone else goes to the sign-in page. */
export function signedInActor(event: RequestEvent): SignedInActor {
	return { user: requireSignedIn(event), locale: event.locals.locale };
}
