import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroup, makeUser, testPassword } from '../fixtures/factories';
import { failure } from '../fixtures/errors';
import { logIn, signUp } from '$lib/server/auth/accounts';
import {
	confirmEmail,
	operatorLink,
	requestEmailChange,
	requestPasswordReset,
	resetPassword
} from '$lib/server/auth/account-links';
import { createSession, generateSessionToken, sessionIdOf } from '$lib/server/auth/session';
import { appointOfficer } from '$lib/server/groups/officers';
import { applyForMembership } from '$lib/server/membership/apply';
import { accountTokens, mailOutbox, sessions, users } from '$lib/server/db/schema';
import { on } from '$lib/server/events';
import type { Database } from '$lib/server/db';

/** The token of the newest link emailed to `address` (as the recipient would click it). */
async function linkSentTo(db: Database, address: string, kind: string) {
	const rows = await db
		.select({ text: mailOutbox.text })
		.from(mailOutbox)
		.where(and(eq(mailOutbox.recipient, address), eq(mailOutbox.kind, kind)));
	const text = rows.at(-1)?.text ?? '';
	const match = /https?:\/\/\S+\/(?:account\/confirm|password-reset)\/([a-z2-7]+)/.exec(text);
	return match?.[1];
}

const application = {
	organisation: {
		name: 'Harbour Tenants',
		category: 'residents',
		area: 'Harbour ward',
		description: 'Tenants of the harbour estates.'
	},
	contact: { name: 'Amina', email: 'amina@example.test' },
	statement: 'We want to question the operation on behalf of our tenants.'
};

describeOnEachDatabase('account links: confirmation and password reset', (handle) => {
	it('a new account is unconfirmed: it cannot apply or be appointed until its link is followed', async () => {
		const { db } = handle();
		const admin = await makeUser(db, { siteAdmin: true });
		const group = await makeGroup(db, admin);
		const user = await signUp(
			db,
			{ email: 'new.secretary@harbour.example', password: testPassword, displayName: 'Squatter' },
			'client-1'
		);
		expect(user.emailConfirmed).toBe(false);
		const applied = await failure(applyForMembership(db, actorOf(user), group.slug, application));
		expect(applied.msg.key).toBe('account.unconfirmed');
		const appointed = await failure(
			appointOfficer(db, actorOf(admin), group.slug, {
				email: 'new.secretary@harbour.example',
				role: 'chair'
			})
		);
		expect(appointed.fields.email.key).toBe('appoint.unconfirmed');

		const token = await linkSentTo(db, user.email, 'account.confirm');
		expect(token).toBeTruthy();
		await confirmEmail(db, token!);
		const [row] = await db.select().from(users).where(eq(users.id, user.id));
		expect(row.emailConfirmedAt).toBeInstanceOf(Date);
		await appointOfficer(db, actorOf(admin), group.slug, {
			email: 'new.secretary@harbour.example',
			role: 'chair'
		});
	});

	it('a link works once; an altered or expired one changes nothing', async () => {
		const { db } = handle();
		const user = await makeUser(db, { confirmed: false });
		const token = (await linkSentTo(db, user.email, 'account.confirm'))!;
		const altered = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
		expect((await failure(confirmEmail(db, altered))).msg.key).toBe('link.not_valid');
		await confirmEmail(db, token);
		expect((await failure(confirmEmail(db, token))).msg.key).toBe('link.not_valid');

		const reset = (await operatorLink(db, user.email, 'reset_password'))!;
		const resetToken = reset.url.split('/').at(-1)!;
		await db
			.update(accountTokens)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(accountTokens.id, sessionIdOf(resetToken)));
		const expired = await failure(
			resetPassword(db, resetToken, { newPassword: 'a brand new passphrase' })
		);
		expect(expired.msg.key).toBe('link.not_valid');
		await logIn(db, { email: user.email, password: testPassword }, { address: 'c' });
	});

	it('a reset answers the same for unknown addresses; it is limited per address', async () => {
		const { db } = handle();
		const user = await makeUser(db);
		const before = (await db.select().from(mailOutbox)).length;
		await requestPasswordReset(db, { email: 'nobody@example.test' }, 'client-2', 'en');
		expect((await db.select().from(mailOutbox)).length).toBe(before);
		for (let i = 0; i < 3; i++) {
			await requestPasswordReset(db, { email: user.email }, `client-${i + 3}`, 'en');
		}
		expect((await db.select().from(mailOutbox)).length).toBe(before + 3);
		const limited = await failure(
			requestPasswordReset(db, { email: user.email.toUpperCase() }, 'client-9', 'en')
		);
		expect(limited.status).toBe(429);
		// Only the newest link works.
		expect(
			(await db.select().from(accountTokens).where(eq(accountTokens.userId, user.id))).length
		).toBe(1);
	});

	it('a reset sets the password, ends every session, closes live connections and confirms the address', async () => {
		const { db } = handle();
		const user = await makeUser(db, { confirmed: false });
		await createSession(db, generateSessionToken(), user.id);
		await createSession(db, generateSessionToken(), user.id);
		const signedOut: string[] = [];
		const off = on('account:signed_out', ({ userId }) => signedOut.push(userId));
		try {
			await requestPasswordReset(db, { email: user.email }, 'client-r', 'en');
			const token = (await linkSentTo(db, user.email, 'account.reset'))!;
			const weak = await failure(resetPassword(db, token, { newPassword: 'short' }));
			expect(weak.fields.newPassword).toBeDefined();
			await resetPassword(db, token, { newPassword: 'a brand new passphrase' });
			expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
			expect(signedOut).toEqual([user.id]);
			const [row] = await db.select().from(users).where(eq(users.id, user.id));
			expect(row.emailConfirmedAt).toBeInstanceOf(Date);
			await logIn(db, { email: user.email, password: 'a brand new passphrase' }, { address: 'c2' });
			expect(
				(await failure(resetPassword(db, token, { newPassword: 'another new passphrase' }))).msg.key
			).toBe('link.not_valid');
		} finally {
			off();
		}
	});

	it('an address change needs the password, tells the old address, and happens when the new one confirms', async () => {
		const { db } = handle();
		const user = await makeUser(db);
		const wrong = await failure(
			requestEmailChange(db, actorOf(user), { email: 'moved@example.test', password: 'nope' })
		);
		expect(wrong.fields.password.key).toBe('validation.password_wrong');
		await requestEmailChange(db, actorOf(user), {
			email: 'Moved@Example.test',
			password: testPassword
		});
		const [notice] = await db
			.select()
			.from(mailOutbox)
			.where(
				and(eq(mailOutbox.recipient, user.email), eq(mailOutbox.kind, 'account.email_change'))
			);
		expect(notice.text).toContain('moved@example.test');
		expect(notice.text).not.toMatch(/password-reset\/|account\/confirm\//);
		const [still] = await db.select().from(users).where(eq(users.id, user.id));
		expect(still.email).toBe(user.email);
		const token = (await linkSentTo(db, 'moved@example.test', 'account.confirm'))!;
		await confirmEmail(db, token);
		const [moved] = await db.select().from(users).where(eq(users.id, user.id));
		expect(moved.email).toBe('moved@example.test');
	});
});
