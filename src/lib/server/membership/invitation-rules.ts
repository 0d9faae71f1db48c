import type { MessageKey } from '$lib/i18n';
import type { RepresentativeInvitation } from '../db/schema';
import type { SessionUser } from '../auth/session';

export const invitationLifetimeDays = 7;

export type InvitationState = 'pending' | 'accepted' | 'revoked' | 'expired';

export function invitationState(
	invitation: Pick<RepresentativeInvitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>,
	now: Date
): InvitationState {
	if (invitation.acceptedAt) return 'accepted';
	if (invitation.revokedAt) return 'revoked';
	if (invitation.expiresAt <= now) return 'expired';
	return 'pending';
}

/**
 * Why this account may not accept this invitation now, or null when it may. The one rule for
 * accepting, wherever it is accepted (the link's page, the account page): a pending invitation,
 * addressed to this account's email (stored lower-cased on both sides), which its owner has
 * confirmed (anyone can sign up with any address).
 */
export function whyNotAccept(
	invitation: Pick<RepresentativeInvitation, 'acceptedAt' | 'revokedAt' | 'expiresAt' | 'email'>,
	user: Pick<SessionUser, 'email' | 'emailConfirmed'>,
	now: Date
): { code: 'conflict' | 'not_allowed'; key: MessageKey } | null {
	const state = invitationState(invitation, now);
	if (state !== 'pending') return { code: 'conflict', key: `invitation.${state}` };
	if (invitation.email !== user.email.toLowerCase()) {
		return { code: 'not_allowed', key: 'invitation.wrong_account' };
	}
	if (!user.emailConfirmed) return { code: 'not_allowed', key: 'account.unconfirmed' };
	return null;
}
