import { describe, expect, it } from 'vitest';
import { generateSessionToken } from '../auth/session';
import {
	actingIdentity,
	askerKey,
	identityOf,
	isNewParticipant,
	issueParticipantToken,
	verifiedParticipantToken,
	voterKey
} from './participant';

describe('participant tokens', () => {
	it('accepts the tokens this server issued, and nothing else', () => {
		const token = issueParticipantToken();
		expect(verifiedParticipantToken(token)).toBe(token);
		const [random, minute, tag] = token.split('.');
		const otherTag = tag.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
		for (const forged of [
			`${random}.${minute}.${otherTag}`, // a tag it did not make
			`${generateSessionToken()}.${minute}.${tag}`, // another token's tag
			`${random}.${(parseInt(minute, 36) - 60).toString(36)}.${tag}`, // backdated
			random, // a bare random token (what the first version issued)
			`${random}.${tag}`,
			`${random}.${minute}.${tag}x`,
			token.toUpperCase(),
			'',
			undefined,
			42
		]) {
			expect(verifiedParticipantToken(forged)).toBeNull();
		}
	});

	it('acts as the account when signed in, whatever the browser, and as the browser otherwise', () => {
		const user = { id: 'a0000000-0000-4000-8000-000000000001' };
		const one = issueParticipantToken();
		const two = issueParticipantToken();
		expect(identityOf({ user, token: one })).toBe(identityOf({ user, token: two }));
		expect(identityOf({ user, token: null })).toBe(identityOf({ user, token: one }));
		expect(identityOf({ user: null, token: one })).not.toBe(identityOf({ user: null, token: two }));
		expect(identityOf({ user: null, token: null })).toBeNull();
		expect(() => actingIdentity({ user: null, token: null })).toThrow(
			expect.objectContaining({ code: 'not_allowed' })
		);
	});

	it('keeps keyed hashes that an account id or a token alone cannot reproduce', async () => {
		const { createHash } = await import('node:crypto');
		const identity = identityOf({ user: { id: 'u1' }, token: null })!;
		const key = voterKey(identity, 'm1');
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(key).not.toBe(createHash('sha256').update(`vote\nm1\n${identity}`).digest('hex'));
		expect(key).not.toBe(askerKey(identity, 'm1')); // a purpose of its own
		expect(voterKey(identity, 'm2')).not.toBe(key); // scoped to one meeting
	});
});

describe('new participants', () => {
	it('are new for five minutes after their token was issued', () => {
		const issued = Date.parse('2026-12-04T18:00:30Z');
		const token = issueParticipantToken(issued);
		expect(isNewParticipant(token, issued)).toBe(true);
		expect(isNewParticipant(token, issued + 4 * 60_000)).toBe(true);
		expect(isNewParticipant(token, issued + 6 * 60_000)).toBe(false);
		expect(isNewParticipant(null, issued)).toBe(false);
	});
});
