import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { accountTokens, groupRoles, sessions, users, subscribers } from '../db/schema';
import { conflict } from '../errors';
import { parseInput } from '../validation';
import { deleteAccountSchema } from '$lib/schemas/accounts';
import { recordAudit } from '../audit';
import { emit } from '../events';
import { leaveEveryOrganisation } from '../membership/representatives';
import { revokeInvitationsTo } from '../membership/invitations';
import { generateToken } from './token';
import { hashPassword, requireCurrentPassword } from './password';
import { currentAppointment, requireUser, type Actor } from './authorise';

/**
 * Deleting one's account. The person's own data goes: their email address, name, password,
 * sessions and links, the invitations they had not accepted, their seats as representatives
 * (recorded as their leaving). What the public record published stays as it was published: the
 * names in published minutes and in the decision log, a question asked under one's name. The
 * account's row remains, emptied, so that the records that point to it (an officer's past terms,
 * a countersigned checkpoint, the audit trail) keep pointing to "a former account".
 *
 * Refused while the person holds an office (resign first: a group must not lose its chair
 * unseen) or is a site administrator (another administrator, or the operator, removes that).
 */
export async function deleteAccount(db: Database, actor: Actor, input: unknown, now = new Date()) {
	const user = requireUser(actor);
	const data = parseInput(deleteAccountSchema, input);
	await requireCurrentPassword(db, user.id, data.password, 'password');
	if (user.isSiteAdmin) throw conflict('account.delete_site_admin');
	const [office] = await db
		.select({ id: groupRoles.id })
		.from(groupRoles)
		.where(and(eq(groupRoles.userId, user.id), currentAppointment(now)))
		.limit(1);
	if (office) throw conflict('account.delete_officer');
	// Nobody can sign in with it again: a password no one knows, an address no one has.
	const passwordHash = await hashPassword(generateToken());
	await db.transaction(async (tx) => {
		await leaveEveryOrganisation(tx, user.id, now);
		await revokeInvitationsTo(tx, user.email, now);
		await tx.delete(accountTokens).where(eq(accountTokens.userId, user.id));
		await tx.delete(sessions).where(eq(sessions.userId, user.id));
		// What they followed and chose, and their pending digest: their settings links find nothing.
		await tx.delete(subscribers).where(eq(subscribers.userId, user.id));
		await tx
			.update(users)
			.set({
				email: `deleted-${user.id}@deleted.invalid`,
				displayName: '',
				passwordHash,
				emailConfirmedAt: null,
				locale: null
			})
			.where(eq(users.id, user.id));
		await recordAudit(tx, { actorId: user.id, action: 'account.deleted', subject: user.id });
	});
	emit('account:signed_out', { userId: user.id });
}
