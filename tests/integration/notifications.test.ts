import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroup, makeGroupWithOfficers, makeUser } from '../fixtures/factories';
import { appointOfficer } from '$lib/server/groups/officers';
import { attendee, liveMeeting } from '../fixtures/live';
import { failure } from '../fixtures/errors';
import type { Database } from '$lib/server/db';
import { digestItems, follows, mailOutbox, notices, subscribers } from '$lib/server/db/schema';
import { changeMeetingState, createMeeting, updateMeeting } from '$lib/server/meetings/meetings';
import { addAgendaItem, updateAgendaItem } from '$lib/server/meetings/agenda';
import { askQuestion } from '$lib/server/questions/ask';
import { moderateQuestion } from '$lib/server/questions/moderate';
import {
	choose,
	confirmOptIn,
	followAsAccount,
	followByEmail,
	subscriberByToken,
	subscriberOfUser,
	unsubscribe
} from '$lib/server/notifications/subscribers';
import { claimNotice, fanOut } from '$lib/server/notifications/fan-out';
import { recordReminders } from '$lib/server/notifications/reminders';
import { sendDueDigests } from '$lib/server/notifications/digest';
import { settingsToken, subscriberOfToken } from '$lib/server/notifications/links';
import { recordCommitment } from '$lib/server/commitments/commitments';
import { deleteAccount } from '$lib/server/auth/delete-account';
import { testPassword } from '../fixtures/factories';
import { loadDemo } from '$lib/server/demo/load-demo';
import { demoFollowers } from '$lib/server/demo/followers';
import { groups } from '$lib/server/db/schema';

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const lease = 60_000;

/** Runs every notice due by `now` to the end, as the notifier would. */
async function drainNotices(db: Database, now = later(11), batchSize = 500) {
	const claim = randomUUID();
	let notice;
	let queued = 0;
	while ((notice = await claimNotice(db, claim, now, lease))) {
		queued += await fanOut(db, notice, claim, { batchSize, leaseMs: lease });
	}
	return queued;
}

const noticeMails = (db: Database) =>
	db
		.select()
		.from(mailOutbox)
		.then((rows) => rows.filter((r) => r.kind.startsWith('notice.')));

/** The opt-in link's token from the newest follow.confirm email to `email`. */
async function optInToken(db: Database, email: string) {
	const rows = await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
	const mail = rows.filter((r) => r.kind === 'follow.confirm').at(-1);
	return /\/follow\/([a-z0-9]+)/.exec(mail?.text ?? '')?.[1];
}

async function scheduledMeeting(db: Database, slug: string, chair: ReturnType<typeof actorOf>) {
	const start = later(60 * 24 * 3);
	const meeting = await createMeeting(db, chair, slug, {
		title: 'Stop and search review',
		startsAt: start.toISOString(),
		endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
		location: 'Town hall',
		participation: 'open'
	});
	await addAgendaItem(db, chair, slug, meeting.number, {
		title: 'Custody figures',
		plannedMinutes: 20
	});
	await changeMeetingState(db, chair, slug, meeting.number, { state: 'scheduled' });
	return meeting;
}

describeOnEachDatabase('notifications', (handle) => {
	it('tells confirmed followers, in their language, once; nobody unconfirmed', async () => {
		const { db } = handle();
		const { chair, group } = await makeGroupWithOfficers(db);
		const reader = await makeUser(db);
		const unconfirmed = await makeUser(db, { confirmed: false });
		await followAsAccount(db, actorOf(reader), group.slug);
		await followAsAccount(db, actorOf(unconfirmed), group.slug);
		// An address alone: nothing until its link is followed.
		await followByEmail(db, group.slug, { email: 'Neighbour@Example.test' }, 'client-1', 'ar');
		await followByEmail(db, group.slug, { email: 'waiting@example.test' }, 'client-1', 'en');
		const token = await optInToken(db, 'neighbour@example.test');
		expect(token).toBeTruthy();
		await confirmOptIn(db, token!);
		await expect(confirmOptIn(db, token!)).rejects.toMatchObject({
			msg: { key: 'link.not_valid' }
		});

		const meeting = await scheduledMeeting(db, group.slug, actorOf(chair));
		expect(await drainNotices(db)).toBe(2);
		const mails = await noticeMails(db);
		expect(mails.map((m) => m.recipient).sort()).toEqual(
			[reader.email, 'neighbour@example.test'].sort()
		);
		const arabic = mails.find((m) => m.recipient === 'neighbour@example.test')!;
		expect(arabic.locale).toBe('ar');
		const english = mails.find((m) => m.recipient === reader.email)!;
		expect(english.subject).toContain(`meeting ${meeting.number} is scheduled`);
		expect(english.text).toContain('Custody figures');
		expect(english.forgetBody).toBe(true);
		expect(english.attachments?.[0]).toMatchObject({ filename: `meeting-${meeting.number}.ics` });
		expect(english.attachments?.[0].content).toContain('BEGIN:VEVENT');
		// RFC 8058: a one-click address naming this subscriber and the topic.
		const subscriber = await subscriberOfUser(db, reader.id);
		expect(english.headers?.['List-Unsubscribe']).toContain(
			`/notifications/${settingsToken(subscriber.id)}/unsubscribe?topic=meetings`
		);
		expect(english.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
		// No other recipient's address, nor anything private, in anyone's message.
		for (const mail of mails) {
			for (const other of mails.filter((m) => m !== mail)) {
				expect(mail.text).not.toContain(other.recipient);
			}
		}
		// Nothing is told twice.
		expect(await drainNotices(db)).toBe(0);
	});

	it('answers the same for every address and never follows a group without its own link', async () => {
		const { db } = handle();
		const { group } = await makeGroupWithOfficers(db);
		const { group: other } = await makeGroupWithOfficers(db);
		await followByEmail(db, group.slug, { email: 'once@example.test' }, 'client-2', 'en');
		await confirmOptIn(db, (await optInToken(db, 'once@example.test'))!);
		// Confirmed for one group: another group still needs the address's own yes.
		await followByEmail(db, other.slug, { email: 'once@example.test' }, 'client-2', 'en');
		const [subscriber] = await db
			.select()
			.from(subscribers)
			.where(eq(subscribers.email, 'once@example.test'));
		const pending = await db
			.select()
			.from(follows)
			.where(and(eq(follows.subscriberId, subscriber.id), isNull(follows.confirmedAt)));
		expect(pending).toHaveLength(1);
		// Following again where it already follows sends nothing and answers the same.
		const before = (await db.select().from(mailOutbox)).length;
		await followByEmail(db, group.slug, { email: 'once@example.test' }, 'client-2', 'en');
		expect((await db.select().from(mailOutbox)).length).toBe(before);
		// Limited per address: the fourth link in an hour is refused.
		const flood = await failure(
			followByEmail(db, other.slug, { email: 'once@example.test' }, 'client-3', 'en')
		);
		expect(flood.code).toBe('rate_limited');
		// A bad address is a field error; nothing is written.
		const bad = await failure(
			followByEmail(db, group.slug, { email: 'not an address' }, 'c', 'en')
		);
		expect(bad.fields?.email).toBeTruthy();
	});

	it('gathers quick changes into one message, read as the meeting then stands', async () => {
		const { db } = handle();
		const { chair, group } = await makeGroupWithOfficers(db);
		const reader = await makeUser(db);
		await followAsAccount(db, actorOf(reader), group.slug);
		const meeting = await scheduledMeeting(db, group.slug, actorOf(chair));
		await drainNotices(db);
		const [item] = await db.select().from(notices).where(eq(notices.kind, 'agenda.changed'));
		expect(item).toBeUndefined();
		await addAgendaItem(db, actorOf(chair), group.slug, meeting.number, {
			title: 'Strip searches',
			plannedMinutes: 15
		});
		const agenda = await addAgendaItem(db, actorOf(chair), group.slug, meeting.number, {
			title: 'Complaints',
			plannedMinutes: 15
		});
		await updateAgendaItem(db, actorOf(chair), group.slug, meeting.number, agenda.id, {
			title: 'Complaints and appeals'
		});
		await updateMeeting(db, actorOf(chair), group.slug, meeting.number, { title: 'Renamed' });
		// Not due yet: changes settle for ten minutes.
		expect(await drainNotices(db, new Date())).toBe(0);
		expect(await drainNotices(db, later(11))).toBe(2);
		const mails = (await noticeMails(db)).filter((m) => m.recipient === reader.email);
		const kinds = mails.map((m) => m.kind).sort();
		expect(kinds).toEqual([
			'notice.agenda.changed',
			'notice.meeting.changed',
			'notice.meeting.scheduled'
		]);
		const agendaMail = mails.find((m) => m.kind === 'notice.agenda.changed')!;
		expect(agendaMail.text).toContain('Complaints and appeals');
		expect(agendaMail.text).not.toContain('2. Complaints\n');
	});

	it('keeps each choice: at once, a weekly digest, or nothing', async () => {
		const { db } = handle();
		const { chair, group } = await makeGroupWithOfficers(db);
		const weekly = await makeUser(db);
		const silent = await makeUser(db);
		for (const user of [weekly, silent]) await followAsAccount(db, actorOf(user), group.slug);
		await choose(db, await subscriberOfUser(db, weekly.id), { meetings: 'digest' });
		await choose(db, await subscriberOfUser(db, silent.id), { meetings: 'off' });
		const bad = await failure(
			choose(db, await subscriberOfUser(db, silent.id), { meetings: 'hourly' })
		);
		expect(bad.fields?.meetings).toBeTruthy();
		await scheduledMeeting(db, group.slug, actorOf(chair));
		expect(await drainNotices(db)).toBe(0);
		const weeklySubscriber = await subscriberOfUser(db, weekly.id);
		expect(
			await db.select().from(digestItems).where(eq(digestItems.subscriberId, weeklySubscriber.id))
		).toHaveLength(1);
		// Not a week since the subscriber was made: nothing yet.
		expect(await sendDueDigests(db, new Date())).toBe(0);
		// Two instances looking at once: one digest.
		const due = later(60 * 24 * 7 + 1);
		const sent = await Promise.all([sendDueDigests(db, due), sendDueDigests(db, due)]);
		expect(sent[0] + sent[1]).toBe(1);
		const digest = (await noticeMails(db)).filter((m) => m.kind === 'notice.digest');
		expect(digest.map((m) => m.recipient)).toEqual([weekly.email]);
		expect(digest[0].text).toContain('is scheduled');
		// Sent once: the entries went with it, and the next is a week on.
		expect(await sendDueDigests(db, later(60 * 24 * 7 + 2))).toBe(0);
	});

	it('turns off from a link only for the subscriber it names', async () => {
		const { db } = handle();
		const { group } = await makeGroupWithOfficers(db);
		const reader = await makeUser(db);
		await followAsAccount(db, actorOf(reader), group.slug);
		const subscriber = await subscriberOfUser(db, reader.id);
		const token = settingsToken(subscriber.id);
		expect(subscriberOfToken(token)).toBe(subscriber.id);
		const victim = await subscriberOfUser(db, (await makeUser(db)).id);
		// Someone else's id with this tag, a made-up tag, a truncated token: all nothing.
		const forged = [
			`${victim.id}.${token.split('.')[1]}`,
			`${subscriber.id}.AAAAAAAAAAAAAAAAAAAAAA`,
			token.slice(0, -2),
			'not-a-token'
		];
		for (const bad of forged) {
			expect(subscriberOfToken(bad)).toBeNull();
			await expect(subscriberByToken(db, bad)).rejects.toMatchObject({
				msg: { key: 'link.not_valid' }
			});
		}
		await unsubscribe(db, await subscriberByToken(db, token), 'minutes');
		const [after] = await db.select().from(subscribers).where(eq(subscribers.id, subscriber.id));
		expect(after.preferences).toMatchObject({ minutes: 'off' });
		const [untouched] = await db.select().from(subscribers).where(eq(subscribers.id, victim.id));
		expect(untouched.preferences).toEqual({});
		await unsubscribe(db, after, 'all');
		expect(await db.select().from(follows).where(eq(follows.subscriberId, subscriber.id))).toEqual(
			[]
		);
	});

	it('writes one message per recipient across batches, resuming after a stop, shared by two notifiers', async () => {
		const { db } = handle();
		const { chair, group } = await makeGroupWithOfficers(db);
		const readers = [];
		for (let i = 0; i < 7; i++) {
			const user = await makeUser(db);
			await followAsAccount(db, actorOf(user), group.slug);
			readers.push(user);
		}
		await scheduledMeeting(db, group.slug, actorOf(chair));
		const now = later(1);
		// One notifier writes a batch of 3, then stops (hands the notice back).
		const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
		const first = await claimNotice(db, a, now, lease);
		let stop = false;
		const written = await fanOut(db, first!, a, {
			batchSize: 3,
			leaseMs: lease,
			stopping: () => (stop = !stop)
		});
		expect(written).toBe(3);
		// Two notifiers now race for the rest; the claim lets one through.
		const [byB, byC] = await Promise.all([
			claimNotice(db, b, now, lease),
			claimNotice(db, c, now, lease)
		]);
		expect([byB, byC].filter(Boolean)).toHaveLength(1);
		await fanOut(db, (byB ?? byC)!, byB ? b : c, { batchSize: 3, leaseMs: lease });
		const emails = new Set(readers.map((r) => r.email));
		const mails = (await noticeMails(db)).filter((m) => emails.has(m.recipient));
		expect(mails.map((m) => m.recipient).sort()).toEqual([...emails].sort());
		// A notifier that stalled past its lease writes nothing more once another took over.
		expect(await claimNotice(db, d, later(5), lease)).toBeUndefined();
	});

	it('tells a named asker the fate of their question; an anonymous one is linked to nobody', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const asker = await makeUser(db);
		const named = await askQuestion(db, attendee(asker), context, {
			text: 'Who reviews the body-worn video?',
			anonymous: false
		});
		const anonymous = await askQuestion(db, attendee(asker), context, {
			text: 'How many children were searched?',
			anonymous: true
		});
		for (const q of [named, anonymous]) {
			await moderateQuestion(db, live.chairParticipant, context, {
				action: 'status',
				questionId: q.id,
				status: 'answered',
				summary: 'The professional standards unit, monthly.'
			});
		}
		expect(await drainNotices(db)).toBe(1);
		const [mail] = (await noticeMails(db)).filter((m) => m.kind === 'notice.question.fate');
		expect(mail.recipient).toBe(asker.email);
		expect(mail.text).toContain('Who reviews the body-worn video?');
		expect(mail.text).not.toContain('children');
		expect(
			await db
				.select()
				.from(notices)
				.where(eq(notices.subject, `question:${anonymous.id}`))
		).toEqual([]);
		// A promise recorded in answer: the asker hears of it too.
		await recordCommitment(db, actorOf(live.chair), live.group.slug, live.meeting.number, {
			questionId: named.id,
			owner: 'Superintendent',
			description: 'Publish the review schedule',
			dueOn: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)
		});
		expect(await drainNotices(db)).toBe(1);
		// Due in three days: officers and the asker are reminded once, however often it looks.
		expect(await recordReminders(db, new Date())).toBeGreaterThan(0);
		await recordReminders(db, new Date());
		const reminded = await drainNotices(db);
		expect(reminded).toBe(3); // the chair, the secretary, the asker
		const due = (await noticeMails(db)).filter((m) => m.kind === 'notice.commitment.due_soon');
		expect(due.map((m) => m.recipient).sort()).toEqual(
			[live.chair.email, live.secretary.email, asker.email].sort()
		);
	});

	it("forgets a deleted account's follows and choices", async () => {
		const { db } = handle();
		const { group } = await makeGroupWithOfficers(db);
		const reader = await makeUser(db);
		await followAsAccount(db, actorOf(reader), group.slug);
		const subscriber = await subscriberOfUser(db, reader.id);
		await deleteAccount(db, actorOf(reader), { password: testPassword, understood: 'on' });
		expect(await db.select().from(subscribers).where(eq(subscribers.id, subscriber.id))).toEqual(
			[]
		);
		await expect(subscriberByToken(db, settingsToken(subscriber.id))).rejects.toMatchObject({
			msg: { key: 'link.not_valid' }
		});
	});

	it('loads the demo with its followers, and nothing from the old story left to tell', async () => {
		const { db } = handle();
		await loadDemo(db);
		const [harbour] = await db.select().from(groups).where(eq(groups.slug, 'harbour'));
		const followers = await db.select().from(follows).where(eq(follows.groupId, harbour.id));
		// One by account, the others by address alone (in English, Arabic and French).
		expect(followers).toHaveLength(1 + demoFollowers.addresses.length);
		expect(followers.every((f) => f.confirmedAt !== null)).toBe(true);
		expect(await db.select().from(notices).where(isNull(notices.doneAt))).toEqual([]);
		expect(await drainNotices(db, later(60))).toBe(0);
	});

	it('keeps what people wrote as text: no markup in the HTML, no header from a name', async () => {
		const { db } = handle();
		const admin = await makeUser(db, { siteAdmin: true });
		const chair = await makeUser(db);
		const group = await makeGroup(db, admin, {
			name: 'Harbour\r\nBcc: thief@evil.test\r\nX-Injected: yes'
		});
		await appointOfficer(db, actorOf(admin), group.slug, { email: chair.email, role: 'chair' });
		const reader = await makeUser(db);
		await followAsAccount(db, actorOf(reader), group.slug);
		const start = later(60 * 24);
		const meeting = await createMeeting(db, actorOf(chair), group.slug, {
			title: '<img src=x onerror=alert(1)> & "quotes"',
			startsAt: start.toISOString(),
			endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
			location: '<script>alert(2)</script>',
			participation: 'open'
		});
		await changeMeetingState(db, actorOf(chair), group.slug, meeting.number, {
			state: 'scheduled'
		});
		await drainNotices(db);
		const [mail] = (await noticeMails(db)).filter((m) => m.recipient === reader.email);
		expect(mail.subject).not.toMatch(/[\r\n]/);
		expect(mail.html).not.toContain('<img');
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
		expect(mail.text).toContain('<img src=x onerror=alert(1)> & "quotes"');
		for (const value of Object.values(mail.headers ?? {})) expect(value).not.toMatch(/[\r\n]/);
	});
});
