import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { mailOutbox } from '$lib/server/db/schema';
import { enqueueMail } from '$lib/server/mail/outbox';

const message = (subject: string) => ({
	kind: 'application.decision',
	to: { name: 'Private\r\nBcc: someone@example.org', address: 'contact@outbox.test' },
	locale: 'en' as const,
	subject,
	text: 'Hello'
});

describeOnEachDatabase('queuing mail in the outbox', (handle) => {
	it('keeps a message exactly when its transaction commits', async () => {
		const db = handle().db;
		const kept = await db.transaction((tx) => enqueueMail(tx, message('kept')));
		await db
			.transaction(async (tx) => {
				await enqueueMail(tx, message('rolled back'));
				throw new Error('the change failed');
			})
			.catch(() => undefined);
		const rows = await db.select().from(mailOutbox);
		expect(rows.map((r) => r.subject)).toEqual(['kept']);
		const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, kept));
		expect(row).toMatchObject({ attempts: 0, sentAt: null, failedAt: null, claim: null });
	});

	it('keeps every header value on one line', async () => {
		const db = handle().db;
		const id = await enqueueMail(db, {
			...message('Decision\r\nX-Injected: yes'),
			headers: { 'List-Unsubscribe': '<https://x.test/u>\nX-Other: 1' }
		});
		const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
		expect(row.subject).toBe('Decision X-Injected: yes');
		expect(row.recipientName).toBe('Private Bcc: someone@example.org');
		expect(row.headers).toEqual({ 'List-Unsubscribe': '<https://x.test/u> X-Other: 1' });
	});
});
