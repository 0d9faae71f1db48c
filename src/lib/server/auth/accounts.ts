import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { conflict, invalid, isUniqueViolation } from '../errors';
import { parseInput } from '../validation';
import {
	loginSchema,
	passwordChangeSchema,
	profileSchema,
	signupSchema
} from '$lib/schemas/accounts';
import {
	hashPassword,
	requireCurrentPassword,
	spendPasswordCheck,
	verifyPassword
} from './password';
import { consume, limits, reset } from '../rate-limit';
import { knownDevice } from './known-device';
import { invalidateUserSessions, sessionUserFields, type SessionUser } from './session';
import { emit } from '../events';
import { requireUser, type Actor } from './authorise';
import { queueConfirmation } from './account-links';
import { announceMail } from '../mail/outbox';
import type { Locale } from '$lib/i18n';
import { countPublicChange } from '../public-cache/versions';

/**
 * Creates an account, and queues the email with the link that confirms its address (in the same
 * transaction). `clientKey` identifies the client for rate limiting (never stored in clear).
 * `emailConfirmed` is for accounts whose address someone trusted vouches for (the demo's).
 */
export async function signUp(
	db: Database,
	input: unknown,
	clientKey: string,
	options: { siteAdmin?: boolean; emailConfirmed?: boolean; locale?: Locale } = {}
): Promise<SessionUser> {
	const data = parseInput(signupSchema, input);
	await consume(db, limits.signupPerClient, clientKey);
	const passwordHash = await hashPassword(data.password);
	try {
		const user = await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(users)
				.values({
					email: data.email,
					displayName: data.displayName,
					passwordHash,
					isSiteAdmin: options.siteAdmin ?? false,
					emailConfirmedAt: options.emailConfirmed ? new Date() : null,
					locale: options.locale ?? null
				})
				.returning(sessionUserFields);
			if (!row.emailConfirmed) await queueConfirmation(tx, row, row.email);
			return row;
		});
		if (!user.emailConfirmed) announceMail();
		return user;
	} catch (error) {
		if (isUniqueViolation(error)) throw conflict('signup.email_taken', 'email');
		throw error;
	}
}

/** Who is signing in: the client's address (hashed as a limit's subject) and its device token. */
export type SignInClient = { address: string; deviceToken?: string | null };

/**
 * Checks an email and password. The same generic message for an unknown email and a wrong
 * password, and the same time spent, so accounts cannot be enumerated. Limited per client and per
 * account; but a device that has signed in to the account before (its token, `known-device.ts`) is
 * limited on its own, so others' wrong guesses cannot lock the owner out of it.
 */
export async function logIn(
	db: Database,
	input: unknown,
	client: SignInClient
): Promise<SessionUser> {
	const data = parseInput(loginSchema, input);
	const device = knownDevice(client.deviceToken, data.email);
	if (device) {
		await consume(db, limits.loginPerDevice, device);
	} else {
		await consume(db, limits.loginPerClient, client.address);
		await consume(db, limits.loginPerAccount, data.email);
	}
	const [row] = await db
		.select({ ...sessionUserFields, passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.email, data.email));
	const ok = row
		? await verifyPassword(row.passwordHash, data.password)
		: await spendPasswordCheck(data.password);
	if (!row || !ok) throw invalid({}, 'login.failed');
	await reset(db, device ? limits.loginPerDevice : limits.loginPerAccount, device ?? data.email);
	const { passwordHash: _, ...user } = row;
	return user;
}

/** The account's name and the language of its emails. */
export async function changeProfile(db: Database, actor: Actor, input: unknown) {
	const user = requireUser(actor);
	const data = parseInput(profileSchema, input);
	await db.transaction(async (tx) => {
		await tx
			.update(users)
			.set({ displayName: data.displayName, ...(data.locale ? { locale: data.locale } : {}) })
			.where(eq(users.id, user.id));
		// An officer's name shows on the group's pages.
		await countPublicChange(tx);
	});
	return data.displayName;
}

/** Changes the password and signs out every session of the account (the caller starts a new one). */
export async function changePassword(db: Database, actor: Actor, input: unknown) {
	const user = requireUser(actor);
	const data = parseInput(passwordChangeSchema, input);
	await requireCurrentPassword(db, user.id, data.currentPassword, 'currentPassword');
	const passwordHash = await hashPassword(data.newPassword);
	await db.transaction(async (tx) => {
		await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
		await invalidateUserSessions(tx, user.id);
	});
	emit('account:signed_out', { userId: user.id });
}

/**
 * Makes a site administrator (the `admin:create` command): a new account, or promotes an existing
 * one. An existing account's password is replaced, so every session it had ends, as after a
 * password change.
 */
export async function createSiteAdmin(db: Database, input: unknown) {
	const data = parseInput(signupSchema, input);
	const passwordHash = await hashPassword(data.password);
	const user = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(users)
			.values({
				email: data.email,
				displayName: data.displayName,
				passwordHash,
				isSiteAdmin: true,
				emailConfirmedAt: new Date()
			})
			.onConflictDoUpdate({
				target: users.email,
				// The operator vouches for the address at the command line.
				set: {
					isSiteAdmin: true,
					passwordHash,
					emailConfirmedAt: sql`coalesce(${users.emailConfirmedAt}, now())`
				}
			})
			.returning(sessionUserFields);
		await invalidateUserSessions(tx, row.id);
		return row;
	});
	emit('account:signed_out', { userId: user.id });
	return user;
}
