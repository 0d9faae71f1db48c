import { eq, sql } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import type { Database, Executor } from '../db';
import { emit } from '../events';
import { sessions, users } from '../db/schema';
import { generateToken, hashToken } from './token';

/** The session design of the Lucia guide: a random token in the cookie, only its hash stored. */
export const sessionCookieName = 'session';
const day = 24 * 60 * 60 * 1000;
const lifetime = 30 * day;
/** A session used within its last 15 days is extended to 30 again (sliding expiry)... */
const renewWithin = 15 * day;
/** ...but never past 90 days from signing in (an absolute lifetime): then one signs in again. */
export const absoluteLifetime = 90 * day;

export type SessionUser = {
	id: string;
	email: string;
	displayName: string;
	isSiteAdmin: boolean;
	/** Whether a link sent to `email` was followed (auth/account-links.ts). */
	emailConfirmed: boolean;
	/** The language chosen for emails, if any. */
	locale: string | null;
};

/** The account's fields a request or a connection carries (`SessionUser`). */
export const sessionUserFields = {
	id: users.id,
	email: users.email,
	displayName: users.displayName,
	isSiteAdmin: users.isSiteAdmin,
	emailConfirmed: sql<boolean>`${users.emailConfirmedAt} is not null`.mapWith(Boolean),
	locale: users.locale
};
export type SessionValidation =
	| { session: { id: string; expiresAt: Date; createdAt: Date }; user: SessionUser }
	| { session: null; user: null };

export const generateSessionToken = generateToken;
export const sessionIdOf = hashToken;

export async function createSession(db: Executor, token: string, userId: string) {
	const session = { id: sessionIdOf(token), userId, expiresAt: new Date(Date.now() + lifetime) };
	await db.insert(sessions).values(session);
	return session;
}

export async function validateSessionToken(
	db: Executor,
	token: string
): Promise<SessionValidation> {
	const id = sessionIdOf(token);
	const [row] = await db
		.select({
			session: { id: sessions.id, expiresAt: sessions.expiresAt, createdAt: sessions.createdAt },
			user: sessionUserFields
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, id));
	if (!row) return { session: null, user: null };
	const now = Date.now();
	const ends = row.session.createdAt.getTime() + absoluteLifetime;
	if (now >= row.session.expiresAt.getTime() || now >= ends) {
		await invalidateSession(db, id);
		return { session: null, user: null };
	}
	if (now >= row.session.expiresAt.getTime() - renewWithin) {
		row.session.expiresAt = new Date(Math.min(now + lifetime, ends));
		await db.update(sessions).set({ expiresAt: row.session.expiresAt }).where(eq(sessions.id, id));
	}
	// When it truly ends: the sooner of its (sliding) expiry and its absolute lifetime.
	row.session.expiresAt = new Date(Math.min(row.session.expiresAt.getTime(), ends));
	return row;
}

/**
 * Ends one session (signing out, or its lifetime over). Its open live connections close at once,
 * on every instance (`session:ended`): what they may do was read at their handshake.
 */
export async function invalidateSession(db: Database, sessionId: string) {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
	emit('session:ended', { sessionId });
}

/**
 * Ends every session of an account, inside the caller's transaction (a password change): the
 * caller announces `account:signed_out` after it commits.
 */
export async function invalidateUserSessions(tx: Executor, userId: string) {
	await tx.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * HttpOnly, SameSite=Lax, Path=/, and Secure exactly when the app is served over https.
 * (SvelteKit would mark it Secure on any host but localhost, which breaks sign-in over
 * plain http on a LAN address, so it is set explicitly.)
 */
export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
) {
	cookies.set(sessionCookieName, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.set(sessionCookieName, '', {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		maxAge: 0
	});
}
