import { timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { uuidFrom } from '$lib/request-id';
import { generateSessionToken } from '../auth/session';
import { DomainError } from '../errors';
import { keyedHash, keyedTag } from '../secrets';

/**
 * Who takes part in a live meeting, and the keys the database keeps of them.
 *
 * A browser without an account is a participant token that this server issued (random, with a
 * MAC under the instance's secret) in an HttpOnly cookie; a token it did not issue is ignored.
 * A signed-in person takes part as their account, whatever their browser or connection, so an
 * account has one vote per question across all its devices.
 *
 * The database keeps only keyed hashes (`secrets.ts`), scoped to one thing so they link to
 * nothing else, and not recomputable by whoever holds only the database:
 * - `voterKey`: identity + meeting — one vote (and one rating) per question; stable within a
 *   meeting so merged questions combine votes without double counting;
 * - `askerKey`: identity + question — lets the asker withdraw or see why it was rejected,
 *   without linking that question to their others, to their votes or to an account.
 */
export const participantCookie = 'participant';

export type ParticipantLike = { user: { id: string } | null; token: string | null };

/** The identity that acts: the account when signed in, else the browser's issued token. */
export function identityOf(participant: ParticipantLike): string | null {
	if (participant.user) return `account\n${participant.user.id}`;
	return participant.token ? `browser\n${participant.token}` : null;
}

/** The identity of a participant who asks, votes, rates or withdraws: refused without one. */
export function actingIdentity(participant: ParticipantLike): string {
	const identity = identityOf(participant);
	if (!identity) {
		throw new DomainError('not_allowed', { key: 'question.participant_unknown' });
	}
	return identity;
}

export function voterKey(identity: string, meetingId: string) {
	return keyedHash('voter', meetingId, identity);
}

export function askerKey(identity: string, questionId: string) {
	return keyedHash('asker', questionId, identity);
}

/**
 * The id of what a request makes (the question it asks, the audit entry of a moderation action),
 * the same each time that request is sent by the same person or browser, so it applies once.
 * Keyed by the instance secret: neither the id nor anything stored shows the request or who made
 * it. A UUID (version 8, "custom") like every other id.
 */
export function idForRequest(identity: string, requestId: string): string {
	return uuidFrom(keyedTag('request', `${identity}\n${requestId}`, 16), 8);
}

const tagBytes = 16;
const tagOf = (body: string) =>
	encodeBase32LowerCaseNoPadding(keyedTag('participant', body, tagBytes));

/**
 * A new participant token: 20 random bytes and the minute it was issued (so the moderation
 * console can tell votes from participants first seen minutes ago, with nothing stored), then a
 * MAC proving this server issued both.
 */
export function issueParticipantToken(now = Date.now()): string {
	const body = `${generateSessionToken()}.${Math.floor(now / 60_000).toString(36)}`;
	return `${body}.${tagOf(body)}`;
}

/** The token itself when this server issued it; null for anything else. */
export function verifiedParticipantToken(value: unknown): string | null {
	if (typeof value !== 'string' || !/^[a-z2-7]{32}\.[0-9a-z]{1,9}\.[a-z2-7]{26}$/.test(value)) {
		return null;
	}
	const cut = value.lastIndexOf('.');
	const expected = Buffer.from(tagOf(value.slice(0, cut)));
	return timingSafeEqual(expected, Buffer.from(value.slice(cut + 1))) ? value : null;
}

/** A participant is new for this long after their token was issued (docs/trust.md). */
export const newParticipantMs = 5 * 60_000;

/** Whether a (verified) token was issued less than `newParticipantMs` ago. */
export function isNewParticipant(token: string | null, now = Date.now()): boolean {
	if (!token) return false;
	const minute = parseInt(token.split('.')[1], 36);
	return now - minute * 60_000 < newParticipantMs;
}

/** A live meeting's cookies (the token, the room admissions): HttpOnly, for the meeting's day. */
export const meetingDayCookie = (secure: boolean) =>
	({ path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 60 * 60 * 18 }) as const;

/** Sets a newly issued token as the browser's cookie. */
export function setParticipantCookie(cookies: Cookies, token: string, secure: boolean) {
	cookies.set(participantCookie, token, meetingDayCookie(secure));
}
