import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { accountTokens, users, type AccountToken } from '../db/schema';
import { conflict, invalidField, isUniqueViolation, notAllowed, notFound } from '../errors';
import { parseInput } from '../validation';
import {
	emailChangeSchema,
	passwordResetRequestSchema,
	passwordResetSchema
} from '$lib/schemas/accounts';
import { isLocale, type Locale } from '$lib/i18n';
import { publicOrigin } from '../config';
import { composeMail } from '../mail/compose';
import { announceMail, enqueueMail } from '../mail/outbox';
import { consume, limits } from '../rate-limit';
import { emit } from '../events';
import { hashPassword, requireCurrentPassword } from './password';
import { invalidateUserSessions } from './session';
import { generateToken, hashToken } from './token';
import { requireUser, type Actor } from './authorise';

/**
 * Links sent by email: confirming an address and resetting a password. A link carries a random
 * token of 160 bits; only its SHA-256 is stored (`account_tokens`), it works once (following it
 * deletes its row, in the transaction that acts on it) and it expires.
 */

export type LinkPurpose = AccountToken['purpose'];

const lifetimes: Record<LinkPurpose, number> = {
	confirm_email: 48 * 60 * 60 * 1000,
	reset_password: 30 * 60 * 1000
};

const paths: Record<LinkPurpose, string> = {
	confirm_email: '/account/confirm/',
	reset_password: '/password-reset/'
};

/** The one answer to a link that is unknown, altered, used or expired: which, nobody is told. */
export const linkNotValid = () => notFound('link.not_valid');

/**
 * Makes a link for the account, replacing any earlier link of the same purpose (only the newest
 * works). Returns the full address, starting with the site's public origin.
 */
export async function issueLink(
	tx: Executor,
	userId: string,
	purpose: LinkPurpose,
	email: string,
	now = new Date()
) {
	const token = generateToken();
	await tx
		.delete(accountTokens)
		.where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose)));
	await tx.insert(accountTokens).values({
		id: hashToken(token),
		userId,
		purpose,
		email,
		expiresAt: new Date(now.getTime() + lifetimes[purpose]),
		createdAt: now
	});
	return `${publicOrigin()}${paths[purpose]}${token}`;
}

/** The link's row if it can still be followed, without using it (the page that asks first). */
export async function peekLink(db: Executor, purpose: LinkPurpose, token: string) {
	const [row] = await db
		.select({ email: accountTokens.email, expiresAt: accountTokens.expiresAt })
		.from(accountTokens)
		.where(
			and(
				eq(accountTokens.id, hashToken(token)),
				eq(accountTokens.purpose, purpose),
				gt(accountTokens.expiresAt, new Date())
			)
		);
	return row ?? null;
}

/** Uses a link inside the caller's transaction: its row is deleted, so it never works again. */
async function spendLink(tx: Executor, purpose: LinkPurpose, token: string) {
	const [row] = await tx
		.delete(accountTokens)
		.where(
			and(
				eq(accountTokens.id, hashToken(token)),
				eq(accountTokens.purpose, purpose),
				gt(accountTokens.expiresAt, new Date())
			)
		)
		.returning();
	if (!row) throw linkNotValid();
	return row;
}

function localeOf(user: { locale: string | null }, fallback: Locale = 'en'): Locale {
	return isLocale(user.locale) ? user.locale : fallback;
}

/** Queues the email with a link to confirm `email` for the account (a new one, or a change). */
export async function queueConfirmation(
	tx: Executor,
	user: { id: string; displayName: string; locale: string | null },
	email: string
) {
	const url = await issueLink(tx, user.id, 'confirm_email', email);
	const locale = localeOf(user);
	await enqueueMail(tx, {
		kind: 'account.confirm',
		forgetBody: true,
		to: { name: user.displayName, address: email },
		...composeMail(locale, { key: 'mail.confirm.subject' }, [
			[{ key: 'email.greeting', params: { name: user.displayName } }],
			[{ key: 'mail.confirm.body', params: { email } }],
			[{ key: 'mail.confirm.link', params: { url }, link: 'url' }],
			[{ key: 'mail.confirm.expires' }],
			[{ key: 'mail.not_you' }]
		])
	});
}

/** A signed-in person asks for the confirmation link again (limited per account). */
export async function resendConfirmation(db: Database, actor: Actor) {
	const user = requireUser(actor);
	if (user.emailConfirmed) throw conflict('account.already_confirmed');
	await consume(db, limits.accountLinkPerAccount, user.id);
	await db.transaction((tx) => queueConfirmation(tx, user, user.email));
	announceMail();
}

/**
 * Follows a confirmation link: its address becomes the account's, confirmed. Anyone holding the
 * link may follow it (it proves the mailbox, not the session). An address taken by another
 * account since the link was sent is refused, and the link stays unused.
 */
export async function confirmEmail(db: Database, token: string, now = new Date()) {
	try {
		return await db.transaction(async (tx) => {
			const link = await spendLink(tx, 'confirm_email', token);
			const [user] = await tx
				.update(users)
				.set({ email: link.email, emailConfirmedAt: now })
				.where(eq(users.id, link.userId))
				.returning({ id: users.id, email: users.email });
			return user;
		});
	} catch (error) {
		if (isUniqueViolation(error)) throw conflict('signup.email_taken');
		throw error;
	}
}

/**
 * Asks for a new address: the current password first, then a link to the new address. Until it
 * is followed the account keeps its old, confirmed address. The old address is told.
 */
export async function requestEmailChange(db: Database, actor: Actor, input: unknown) {
	const user = requireUser(actor);
	const data = parseInput(emailChangeSchema, input);
	await consume(db, limits.accountLinkPerAccount, user.id);
	await requireCurrentPassword(db, user.id, data.password, 'password');
	if (data.email === user.email) throw invalidField('email', 'account.email_same');
	const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, data.email));
	if (taken) throw invalidField('email', 'signup.email_taken');
	await db.transaction(async (tx) => {
		await queueConfirmation(tx, user, data.email);
		if (user.emailConfirmed) {
			await enqueueMail(tx, {
				kind: 'account.email_change',
				to: { name: user.displayName, address: user.email },
				...composeMail(localeOf(user), { key: 'mail.email_change.subject' }, [
					[{ key: 'email.greeting', params: { name: user.displayName } }],
					[{ key: 'mail.email_change.body', params: { email: data.email } }],
					[{ key: 'mail.email_change.not_you' }]
				])
			});
		}
	});
	announceMail();
	return data.email;
}

/**
 * Someone asks for a reset link. The answer is the same whether or not an account uses the
 * address, and limited per client and per address, so it neither reveals accounts nor floods a
 * mailbox. The link goes to the account's address only.
 */
export async function requestPasswordReset(
	db: Database,
	input: unknown,
	clientKey: string,
	locale: Locale
) {
	const data = parseInput(passwordResetRequestSchema, input);
	await consume(db, limits.passwordResetPerClient, clientKey);
	await consume(db, limits.passwordResetPerAddress, data.email);
	const [user] = await db
		.select({ id: users.id, displayName: users.displayName, locale: users.locale })
		.from(users)
		.where(eq(users.email, data.email));
	if (!user) return;
	await db.transaction(async (tx) => {
		const url = await issueLink(tx, user.id, 'reset_password', data.email);
		await enqueueMail(tx, {
			kind: 'account.reset',
			forgetBody: true,
			to: { name: user.displayName, address: data.email },
			...composeMail(localeOf(user, locale), { key: 'mail.reset.subject' }, [
				[{ key: 'email.greeting', params: { name: user.displayName } }],
				[{ key: 'mail.reset.body' }],
				[{ key: 'mail.reset.link', params: { url }, link: 'url' }],
				[{ key: 'mail.reset.expires' }],
				[{ key: 'mail.not_you' }]
			])
		});
	});
	announceMail();
}

/**
 * The operator's way to hand someone a link without email (`npm run admin:reset-link`,
 * `admin:confirm-link`): a reset link, or a link confirming the account's current address.
 * Answers null for an unknown address. Recorded in the site's audit trail by the caller.
 */
export async function operatorLink(db: Database, email: string, purpose: LinkPurpose) {
	const address = email.trim().toLowerCase();
	const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, address));
	if (!user) return null;
	const url = await db.transaction((tx) => issueLink(tx, user.id, purpose, address));
	return { userId: user.id, url };
}

/**
 * Follows a reset link: a new password, every session of the account ended and its live
 * connections closed (`account:signed_out`). Following it proves the mailbox, so an unconfirmed
 * address becomes confirmed. Returns the account, for the caller to sign this browser in.
 */
export async function resetPassword(db: Database, token: string, input: unknown) {
	const data = parseInput(passwordResetSchema, input);
	// Checked before the (deliberately slow) hash, so a made-up link costs the server nothing.
	if (!(await peekLink(db, 'reset_password', token))) throw linkNotValid();
	const passwordHash = await hashPassword(data.newPassword);
	const user = await db.transaction(async (tx) => {
		const link = await spendLink(tx, 'reset_password', token);
		const [row] = await tx
			.update(users)
			.set({
				passwordHash,
				emailConfirmedAt: sql`coalesce(${users.emailConfirmedAt}, case when ${users.email} = ${link.email} then now() end)`
			})
			.where(eq(users.id, link.userId))
			.returning({ id: users.id });
		await invalidateUserSessions(tx, link.userId);
		return row;
	});
	emit('account:signed_out', { userId: user.id });
	return user;
}

/** Refuses what needs a confirmed address (applying, being appointed, representing). */
export function requireConfirmedEmail(user: { emailConfirmed: boolean }) {
	if (!user.emailConfirmed) throw notAllowed('account.unconfirmed');
}
