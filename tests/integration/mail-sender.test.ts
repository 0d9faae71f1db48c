import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeUser } from '../fixtures/factories';
import {
	startMailServer,
	waitFor,
	type MailAnswer,
	type MailServer
} from '../fixtures/mail-server';
import type { Database } from '$lib/server/db';
import { mailOutbox } from '$lib/server/db/schema';
import { announceMail, enqueueMail } from '$lib/server/mail/outbox';
import { startMailSender, type MailSender, type SenderOptions } from '$lib/server/mail/sender';
import { mailDeliveries, retryMail } from '$lib/server/mail/deliveries';
import { isDomainError } from '$lib/server/errors';

const mailFrom = 'Openfloor <mail@outbox.test>';
/** Short waits, so retries happen within the test. */
const fast = { maxAttempts: 3, firstDelayMs: 40, maxDelayMs: 200 };

/** `n` messages queued, numbered in their subject. */
async function queue(db: Database, n: number, prefix = 'Message') {
	const ids: string[] = [];
	for (let i = 1; i <= n; i++) {
		ids.push(
			await enqueueMail(db, {
				kind: 'test',
				to: `person${i}@outbox.test`,
				locale: 'en',
				subject: `${prefix} ${i}`,
				text: `Body ${i}`
			})
		);
	}
	return ids;
}

const rows = (db: Database) => db.select().from(mailOutbox);
const countOf = (values: string[]) =>
	values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());

describeOnEachDatabase('sending mail from the outbox', (handle, kind) => {
	let server: MailServer | undefined;
	const senders: MailSender[] = [];
	const start = (options: Partial<SenderOptions> = {}) => {
		const sender = startMailSender(handle().db, {
			smtpUrl: server!.url,
			mailFrom,
			pollMs: 60_000,
			retry: fast,
			...options
		});
		senders.push(sender);
		return sender;
	};
	const serve = async (answer?: MailAnswer) => (server = await startMailServer(answer));

	beforeEach(async () => {
		await handle().db.delete(mailOutbox);
	});
	afterEach(async () => {
		await Promise.all(senders.splice(0).map((s) => s.stop(100)));
		await server?.close();
		server = undefined;
	});

	it('delivers a committed message at once, with a Message-ID from its outbox row', async () => {
		const db = handle().db;
		await serve();
		start();
		await new Promise((r) => setTimeout(r, 50)); // the sender found nothing and sleeps
		const [id] = await db.transaction((tx) => queue(tx as unknown as Database, 1, 'Hello'));
		announceMail();
		const mail = await waitFor(() => server!.mails[0], 2000);
		expect(mail.to).toEqual(['person1@outbox.test']);
		expect(mail.messageId).toBe(`<${id}@outbox.test>`);
		expect(mail.headers).toMatch(/^From: Openfloor <mail@outbox\.test>/m);
		expect(mail.headers).toMatch(/^Subject: Hello 1/m);
		const [row] = await waitFor(async () => {
			const found = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
			return found[0]?.sentAt ? found : undefined;
		});
		expect(row).toMatchObject({ attempts: 1, claim: null, failedAt: null, lastError: null });
	});

	it('tries again with growing waits while the server refuses, then delivers once', async () => {
		const db = handle().db;
		const offeredAt: number[] = [];
		await serve((_, i) => {
			offeredAt.push(Date.now());
			return i < 2 ? { code: 451, message: 'Try again later' } : undefined;
		});
		await queue(db, 1);
		start({ retry: { maxAttempts: 5, firstDelayMs: 60, maxDelayMs: 1000 }, random: () => 0.5 });
		await waitFor(() => server!.mails[0], 3000);
		expect(offeredAt).toHaveLength(3);
		// 60 ms, then 120 ms (the jitter fixed at its middle).
		expect(offeredAt[1] - offeredAt[0]).toBeGreaterThanOrEqual(55);
		expect(offeredAt[2] - offeredAt[1]).toBeGreaterThanOrEqual(115);
		const [row] = await waitFor(async () => {
			const found = await rows(db);
			return found[0]?.sentAt ? found : undefined;
		});
		expect(row).toMatchObject({ attempts: 3, failedAt: null, lastError: null });
		await new Promise((r) => setTimeout(r, 100));
		expect(server!.mails).toHaveLength(1);
	});

	it('gives up after the last attempt (at once on a 5xx), shows it to the site admin alone, and retries on request', async () => {
		const db = handle().db;
		let refuse = true;
		await serve((mail) => {
			if (mail.to[0] === 'person2@outbox.test' && refuse) {
				return { code: 550, message: 'No such mailbox' };
			}
			return refuse ? { code: 451, message: 'Mailbox busy' } : undefined;
		});
		const [busy, unknown] = await queue(db, 2);
		start();
		const failed = await waitFor(async () => {
			const found = (await rows(db)).filter((r) => r.failedAt);
			return found.length === 2 ? found : undefined;
		}, 3000);
		const byId = new Map(failed.map((r) => [r.id, r]));
		expect(byId.get(busy)).toMatchObject({ attempts: 3 });
		expect(byId.get(busy)!.lastError).toContain('451');
		expect(byId.get(unknown)).toMatchObject({ attempts: 1 });
		expect(byId.get(unknown)!.lastError).toContain('550');
		expect(server!.mails).toHaveLength(0);

		const admin = await makeUser(db, { siteAdmin: true });
		const someone = await makeUser(db);
		const seen = await mailDeliveries(db, actorOf(admin));
		expect(seen.queued).toBe(0);
		expect(seen.failed.map((f) => f.recipient).sort()).toEqual([
			'person1@outbox.test',
			'person2@outbox.test'
		]);
		for (const work of [
			mailDeliveries(db, actorOf(someone)),
			retryMail(db, actorOf(someone), { id: busy })
		]) {
			await expect(work).rejects.toSatisfy((e) => isDomainError(e) && e.code === 'not_allowed');
		}

		refuse = false;
		await retryMail(db, actorOf(admin), { id: busy });
		await waitFor(() => server!.mails[0], 2000);
		expect(server!.mails.map((m) => m.to[0])).toEqual(['person1@outbox.test']);
		await expect(retryMail(db, actorOf(admin), { id: busy })).rejects.toSatisfy(
			(e) => isDomainError(e) && e.code === 'conflict'
		);
		expect((await mailDeliveries(db, actorOf(admin))).failed).toHaveLength(1);
	});

	it('finishes a batch another sender was stopped in the middle of: every message once', async () => {
		const db = handle().db;
		let releaseStall: (answer: { code: number; message: string }) => void = () => {};
		const stalled = new Promise<{ code: number; message: string }>((r) => (releaseStall = r));
		let reachedStall: () => void = () => {};
		const atStall = new Promise<void>((r) => (reachedStall = r));
		let offersOf3 = 0;
		await serve((mail) => {
			if (mail.data.includes('Subject: Message 3') && offersOf3++ === 0) {
				reachedStall();
				return stalled;
			}
		});
		await queue(db, 5);
		const first = start({ batchSize: 5, leaseMs: 1000 });
		await atStall;
		expect(server!.mails).toHaveLength(2);
		await first.stop(50); // gives up waiting for message 3; hands back 4 and 5
		const handedBack = (await rows(db)).filter((r) => !r.sentAt && !r.claim);
		expect(handedBack.map((r) => r.subject).sort()).toEqual(['Message 4', 'Message 5']);
		expect(handedBack.every((r) => r.attempts === 0)).toBe(true);

		start({ batchSize: 5 });
		await waitFor(() => (server!.mails.length === 4 ? true : undefined), 2000);
		// The server never accepted message 3 from the stopped sender: once its claim runs out, the
		// new sender sends it.
		releaseStall({ code: 421, message: 'Closing' });
		await waitFor(() => (server!.mails.length === 5 ? true : undefined), 3000);
		expect(offersOf3).toBe(2);
		await new Promise((r) => setTimeout(r, 100));
		const subjects = server!.mails.map((m) => /^Subject: (.*)$/m.exec(m.headers)?.[1] ?? '');
		expect(subjects.sort()).toEqual([1, 2, 3, 4, 5].map((i) => `Message ${i}`));
		expect([...countOf(server!.mails.map((m) => m.messageId)).values()]).toEqual([1, 1, 1, 1, 1]);
		expect((await rows(db)).every((r) => r.sentAt)).toBe(true);
	});

	it('sends twice, under one Message-ID, a message the server accepted only after its sender gave up and its lease ran out', async () => {
		const db = handle().db;
		let acceptLate: () => void = () => {};
		const late = new Promise<void>((r) => (acceptLate = r));
		let offers = 0;
		await serve(() => (offers++ === 0 ? late : undefined));
		await queue(db, 1);
		const first = start({ leaseMs: 200 });
		await waitFor(() => (offers === 1 ? true : undefined));
		await first.stop(20); // the documented window: accepted, but not yet marked sent
		start();
		await waitFor(() => server!.mails[0], 2000);
		acceptLate();
		await waitFor(() => (server!.mails.length === 2 ? true : undefined));
		const [one, two] = server!.mails;
		expect(one.messageId).toBe(two.messageId);
		expect((await rows(db))[0].sentAt).not.toBeNull();
	});

	it(`shares one outbox between two senders without sending anything twice [${kind}]`, async () => {
		const db = handle().db;
		await serve(() => new Promise((r) => setTimeout(r, 2)));
		const ids = await queue(db, 30);
		start({ batchSize: 3, mailFrom: 'First <one@outbox.test>' });
		start({ batchSize: 3, mailFrom: 'Second <two@outbox.test>' });
		await waitFor(() => (server!.mails.length >= 30 ? true : undefined), 8000);
		await new Promise((r) => setTimeout(r, 100));
		expect(server!.mails).toHaveLength(30);
		const received = countOf(server!.mails.map((m) => m.messageId.split('@')[0].slice(1)));
		expect([...received.keys()].sort()).toEqual([...ids].sort());
		expect([...received.values()].every((n) => n === 1)).toBe(true);
		const senders = countOf(server!.mails.map((m) => /^From: (\w+)/m.exec(m.headers)?.[1] ?? ''));
		expect(senders.get('First')).toBeGreaterThan(0);
		expect(senders.get('Second')).toBeGreaterThan(0);
	});

	it('lets no line break in a name, subject or header start a header of its own', async () => {
		const db = handle().db;
		await serve();
		await enqueueMail(db, {
			kind: 'test',
			to: { name: 'Ann\r\nBcc: thief@evil.test', address: 'ann@outbox.test' },
			locale: 'en',
			subject: 'Decision\r\nX-Injected: yes',
			text: 'Body',
			headers: { 'List-Unsubscribe': '<https://outbox.test/u>\r\nX-Injected: also' }
		});
		// A row written by other code than enqueueMail: the sender must still not be fooled.
		await db.insert(mailOutbox).values({
			kind: 'test',
			recipient: 'bob@outbox.test',
			recipientName: 'Bob\r\nBcc: thief@evil.test',
			locale: 'en',
			subject: 'Raw\r\nX-Injected: yes',
			text: 'Body',
			headers: { 'X-Note': 'a\r\nX-Injected: too' }
		});
		start();
		await waitFor(() => (server!.mails.length === 2 ? true : undefined), 2000);
		for (const mail of server!.mails) {
			expect(mail.to).toHaveLength(1);
			expect(mail.to[0]).toMatch(/^(ann|bob)@outbox\.test$/);
			expect(mail.headers).not.toMatch(/^(Bcc|X-Injected):/im);
		}
	});
});
