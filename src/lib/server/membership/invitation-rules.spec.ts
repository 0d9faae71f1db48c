import { describe, expect, it } from 'vitest';
import { invitationState, whyNotAccept } from './invitation-rules';

const now = new Date('2026-06-01T12:00:00Z');
const pending = {
	email: 'amina@forum.example',
	acceptedAt: null,
	revokedAt: null,
	expiresAt: new Date('2026-06-05T12:00:00Z')
};

describe('accepting an invitation', () => {
	it('lets the invited address accept a pending invitation, in any case', () => {
		expect(
			whyNotAccept(pending, { email: 'amina@forum.example', emailConfirmed: true }, now)
		).toBeNull();
		expect(
			whyNotAccept(pending, { email: 'Amina@Forum.example', emailConfirmed: true }, now)
		).toBeNull();
	});

	it('refuses another account', () => {
		expect(
			whyNotAccept(pending, { email: 'someone@else.example', emailConfirmed: true }, now)
		).toEqual({
			code: 'not_allowed',
			key: 'invitation.wrong_account'
		});
	});

	it('refuses the invited address until its owner has confirmed it', () => {
		expect(whyNotAccept(pending, { email: pending.email, emailConfirmed: false }, now)).toEqual({
			code: 'not_allowed',
			key: 'account.unconfirmed'
		});
	});

	it('refuses a used, a taken-back and an expired invitation, whoever asks', () => {
		const user = { email: pending.email, emailConfirmed: true };
		expect(whyNotAccept({ ...pending, acceptedAt: now }, user, now)?.key).toBe(
			'invitation.accepted'
		);
		expect(whyNotAccept({ ...pending, revokedAt: now }, user, now)?.key).toBe('invitation.revoked');
		expect(whyNotAccept(pending, user, pending.expiresAt)?.key).toBe('invitation.expired');
		expect(invitationState(pending, now)).toBe('pending');
	});
});
