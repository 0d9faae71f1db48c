import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import {
	createSession,
	deleteSessionCookie,
	generateSessionToken,
	invalidateSession,
	setSessionCookie
} from '../auth/session';
import { logIn } from '../auth/accounts';
import { deviceCookieName, deviceCookieSeconds, issueDeviceToken } from '../auth/known-device';

const secure = (event: RequestEvent) => event.url.protocol === 'https:';

/**
 * Signs the user in on this browser: a new session and its cookie. A session the browser held
 * before ends (signing in again, or as someone else, never leaves the old one valid).
 */
export async function startSession(event: RequestEvent, userId: string) {
	const db = await getDb();
	if (event.locals.session) await invalidateSession(db, event.locals.session.id);
	const token = generateSessionToken();
	const session = await createSession(db, token, userId);
	setSessionCookie(event.cookies, token, session.expiresAt, secure(event));
}

/**
 * Signs in with an email and password (the sign-in form and the API): a session, and this
 * browser remembered as a device of the account (`known-device.ts`).
 */
export async function signIn(event: RequestEvent, input: unknown) {
	const user = await logIn(await getDb(), input, {
		address: clientKey(event),
		deviceToken: event.cookies.get(deviceCookieName)
	});
	await startSession(event, user.id);
	event.cookies.set(deviceCookieName, issueDeviceToken(user.email), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: secure(event),
		maxAge: deviceCookieSeconds
	});
	return user;
}

export async function endSession(event: RequestEvent) {
	if (event.locals.session) await invalidateSession(await getDb(), event.locals.session.id);
	deleteSessionCookie(event.cookies, secure(event));
	event.locals.user = null;
	event.locals.session = null;
}

/** Pages for signed-in users send everyone else to the sign-in page, and back afterwards. */
export function requireSignedIn(event: RequestEvent) {
	if (!event.locals.user) {
		redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	}
	return event.locals.user;
}

/** The client's address, only ever used hashed as a rate-limit subject. */
export function clientKey(event: RequestEvent) {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
