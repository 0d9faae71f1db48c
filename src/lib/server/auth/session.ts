import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import type { Executor } from '../db';
import { sessions, users } from '../db/schema';

/** The session design of the Lucia guide: a random token in the cookie, only its hash stored. */
export const sessionCookieName = 'session';
const day = 24 * 60 * 60 * 1000;
const lifetime = 30 * day;
/** A session used within its last 15 days is extended to 30 again (sliding expiry). */
const renewWithin = 15 * day;

export type SessionUser = { id: string; email: string; displayName: string; isSiteAdmin: boolean };
export type SessionValidation =
	{ session: { id: string; expiresAt: Date }; user: SessionUser } | { session: null; user: null };

/** 20 random bytes (160 bits), base32. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

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
			session: { id: sessions.id, expiresAt: sessions.expiresAt },
			user: {
				id: users.id,
				email: users.email,
				displayName: users.displayName,
				isSiteAdmin: users.isSiteAdmin
			}
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, id));
	if (!row) return { session: null, user: null };
	const now = Date.now();
	if (now >= row.session.expiresAt.getTime()) {
		await db.delete(sessions).where(eq(sessions.id, id));
		return { session: null, user: null };
	}
	if (now >= row.session.expiresAt.getTime() - renewWithin) {
		row.session.expiresAt = new Date(now + lifetime);
		await db.update(sessions).set({ expiresAt: row.session.expiresAt }).where(eq(sessions.id, id));
	}
	return row;
}

export async function invalidateSession(db: Executor, sessionId: string) {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Executor, userId: string) {
	await db.delete(sessions).where(eq(sessions.userId, userId));
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
