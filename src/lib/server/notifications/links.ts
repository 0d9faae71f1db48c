import { timingSafeEqual } from 'node:crypto';
import { keyedTag } from '../secrets';
import { publicOrigin } from '../config';
import { isUuid } from '../validation';

/**
 * A subscriber's settings link, in every notification email: their id and a keyed tag of it
 * (secrets.ts), so the link works without signing in and no one can make one for another
 * subscriber (changing the id breaks the tag). It does not run out; stopping everything (or an
 * account deleted) removes the subscriber, and the link then finds nothing.
 */
export function settingsToken(subscriberId: string): string {
	const tag = keyedTag('subscription', subscriberId, 16).toString('base64url');
	return `${subscriberId}.${tag}`;
}

/** The subscriber a token names, or null when it was altered or made up. */
export function subscriberOfToken(token: string): string | null {
	const [id, tag, ...rest] = token.split('.');
	if (rest.length > 0 || !id || !tag || !isUuid(id)) return null;
	const expected = keyedTag('subscription', id, 16);
	const given = Buffer.from(tag, 'base64url');
	return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

export function settingsUrl(subscriberId: string) {
	return `${publicOrigin()}/notifications/${settingsToken(subscriberId)}`;
}

/** RFC 8058: a POST here with `List-Unsubscribe=One-Click` turns the topic off, no sign-in. */
export function unsubscribeUrl(subscriberId: string, topic: string) {
	return `${settingsUrl(subscriberId)}/unsubscribe?topic=${encodeURIComponent(topic)}`;
}
