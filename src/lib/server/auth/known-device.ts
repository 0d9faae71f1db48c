import { timingSafeEqual } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { keyedTag } from '../secrets';
import { generateSessionToken } from './session';

/**
 * Known devices ("device cookies", OWASP's answer to lock-out as a weapon): a browser that has
 * signed in to an account gets a token naming that account, with a MAC under the instance secret.
 * Sign-in attempts that bring it are limited per device, not with the account's lock, so ten wrong
 * passwords from anywhere cannot lock the owner out of their usual device. Nothing is stored.
 */
export const deviceCookieName = 'device';

/** A year: the device stays known while it keeps signing in. */
export const deviceCookieSeconds = 365 * 24 * 60 * 60;

const tagBytes = 16;
const tagOf = (email: string, nonce: string) =>
	encodeBase32LowerCaseNoPadding(keyedTag('device', `${email}\n${nonce}`, tagBytes));

/** A new token for this device and account (the email as sign-in normalises it). */
export function issueDeviceToken(email: string): string {
	const nonce = generateSessionToken();
	return `${nonce}.${tagOf(email, nonce)}`;
}

/**
 * The device's own name (its nonce) when `token` was issued by this server to a browser that
 * signed in to `email`; null for anything else (another account's, forged, missing).
 */
export function knownDevice(token: unknown, email: string): string | null {
	if (typeof token !== 'string' || !/^[a-z2-7]{32}\.[a-z2-7]{26}$/.test(token)) return null;
	const [nonce, tag] = token.split('.');
	return timingSafeEqual(Buffer.from(tagOf(email, nonce)), Buffer.from(tag)) ? nonce : null;
}
