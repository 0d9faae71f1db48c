import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeUser } from '../fixtures/factories';
import { failure } from '../fixtures/errors';
import { attendee, liveMeeting } from '../fixtures/live';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { endOwnSession, exportOwnData, ownSessions } from '$lib/server/auth/own-data';
import { askQuestion } from '$lib/server/questions/ask';
import { sessions } from '$lib/server/db/schema';
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
});
