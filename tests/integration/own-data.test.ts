import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeMember, makeUser, testPassword } from '../fixtures/factories';
import { failure } from '../fixtures/errors';
import { attendee, liveMeeting } from '../fixtures/live';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { endOwnSession, exportOwnData, ownSessions } from '$lib/server/auth/own-data';
import { askQuestion } from '$lib/server/questions/ask';
import { auditLog, questions, representatives, sessions, users } from '$lib/server/db/schema';
import { deleteAccount } from '$lib/server/auth/delete-account';
import { logIn } from '$lib/server/auth/accounts';
import { listRepresentatives } from '$lib/server/membership/representatives';
import { on } from '$lib/server/events';

describeOnEachDatabase('one’s own sessions and data', (handle) => {
	it('lists the account’s sessions and ends one of them, never another account’s', async () => {
		const { db } = handle();
		const pat = await makeUser(db);
		const sam = await makeUser(db);
		const here = await createSession(db, generateSessionToken(), pat.id);
		const there = await createSession(db, generateSessionToken(), pat.id);
		const sams = await createSession(db, generateSessionToken(), sam.id);
		const listed = await ownSessions(db, pat.id, here.id);
		expect(listed.map((s) => [s.id, s.current]).sort()).toEqual(
			[
				[here.id, true],
				[there.id, false]
			].sort()
		);
		const refused = await failure(endOwnSession(db, actorOf(pat), { session: sams.id }));
		expect(refused.status).toBe(404);
		expect(await db.select().from(sessions).where(eq(sessions.id, sams.id))).toHaveLength(1);

		const ended: string[] = [];
		const off = on('session:ended', ({ sessionId }) => ended.push(sessionId));
		try {
			await endOwnSession(db, actorOf(pat), { session: there.id });
		} finally {
			off();
		}
		expect(ended).toEqual([there.id]);
		expect((await ownSessions(db, pat.id, here.id)).map((s) => s.id)).toEqual([here.id]);
		expect((await failure(endOwnSession(db, actorOf(pat), { session: 'x' }))).status).toBe(400);
	});

	it('exports the account’s data: named questions yes, anonymous ones and the password never', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const asker = await makeUser(db, { displayName: 'Amina Export' });
		const context = await live.context();
		const me = { ...attendee(asker) };
		await askQuestion(db, me, context, {
			text: 'Who reviews the stop and search figures each month?',
			anonymous: false
		});
		await askQuestion(db, me, context, {
			text: 'Why were the custody records from March withheld?',
			anonymous: true
		});
		const data = await exportOwnData(db, actorOf(asker));
		const text = JSON.stringify(data);
		expect(data.account.email).toBe(asker.email);
		expect(data.namedQuestions.map((q) => q.text)).toEqual([
			'Who reviews the stop and search figures each month?'
		]);
		expect(text).not.toContain('custody records from March');
		expect(text).not.toMatch(/argon2|passwordHash/);
	});

	it('deletes an account: its own data erased, the published record kept, refused to an officer', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const rep = await makeMember(db, live.group.slug, live.chair, 'Harbour Tenants');
		const [application] = await db
			.select({ id: representatives.applicationId })
			.from(representatives)
			.where(eq(representatives.userId, rep.id));
		await askQuestion(db, attendee(rep), await live.context(), {
			text: 'When will the review of the operation be published?',
			anonymous: false
		});
		await createSession(db, generateSessionToken(), rep.id);
		const keep = await db.select().from(users).where(eq(users.id, rep.id));

		const wrong = await failure(
			deleteAccount(db, actorOf(rep), { password: 'not it', understood: 'on' })
		);
		expect(wrong.fields.password.key).toBe('validation.password_wrong');
		const unticked = await failure(deleteAccount(db, actorOf(rep), { password: testPassword }));
		expect(unticked.fields.understood.key).toBe('account.delete_tick');
		const officer = await failure(
			deleteAccount(db, actorOf(live.chair), { password: testPassword, understood: 'on' })
		);
		expect(officer.msg.key).toBe('account.delete_officer');
		expect(await db.select().from(users).where(eq(users.id, rep.id))).toEqual(keep);

		await deleteAccount(db, actorOf(rep), { password: testPassword, understood: 'on' });
		const [gone] = await db.select().from(users).where(eq(users.id, rep.id));
		expect(gone.email).not.toContain(rep.email);
		expect(gone.displayName).toBe('');
		expect(await db.select().from(sessions).where(eq(sessions.userId, rep.id))).toEqual([]);
		expect(await listRepresentatives(db, application.id)).toEqual([]);
		const [question] = await db.select().from(questions).where(eq(questions.askerUserId, rep.id));
		expect(question.askerName).toBe(rep.displayName);
		const [deleted] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'account.deleted'), eq(auditLog.subject, rep.id)));
		expect(deleted).toBeDefined();
		const login = await failure(
			logIn(db, { email: rep.email, password: testPassword }, { address: 'x' })
		);
		expect(login.status).toBe(400);
		// The address is free for a new account.
		await makeUser(db, { email: rep.email });
	});
});
