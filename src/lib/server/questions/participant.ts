import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { generateSessionToken } from '../auth/session';

/**
 * An attendee is a random token in a cookie, never stored. What the database keeps are hashes
 * of it scoped to one thing, so they link to nothing else:
 * - `voterKey`: token + meeting — one vote (and one rating) per question; stable within a meeting
 *   so merged questions combine votes without double counting;
 * - `askerKey`: token + question — lets the asker withdraw or see why it was rejected, without
 *   linking that question to their others, to their votes or to an account.
 */
export const participantCookie = 'participant';

const hash = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));

export function voterKey(token: string, meetingId: string) {
	return hash(`vote\n${meetingId}\n${token}`);
}

export function askerKey(token: string, questionId: string) {
	return hash(`ask\n${questionId}\n${token}`);
}

export function isParticipantToken(value: unknown): value is string {
	return typeof value === 'string' && /^[a-z2-7]{32}$/.test(value);
}

/** The browser's participant token, made on first use (HttpOnly; lasts the day of the meeting). */
export function participantToken(cookies: Cookies, secure: boolean): string {
	const existing = cookies.get(participantCookie);
	if (isParticipantToken(existing)) return existing;
	const token = generateSessionToken();
	cookies.set(participantCookie, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 60 * 60 * 18
	});
	return token;
}
