import type { Executor } from '../db';
import { mailOutbox, type MailAttachment } from '../db/schema';
import type { Locale } from '$lib/i18n';
import { emit } from '../events';

/** One message as the domain hands it over; the outbox row adds the delivery state. */
export type OutgoingMail = {
	/** What it is about: 'application.decision', 'account.confirm', 'account.reset', … */
	kind: string;
	/** An address, or an address with the recipient's name (encoded by the sender, never raw). */
	to: string | { name: string; address: string };
	locale: Locale;
	subject: string;
	text: string;
	/** Built by mail/compose.ts: user text escaped, never raw HTML. */
	html?: string;
	/** Extra headers such as List-Unsubscribe. */
	headers?: Record<string, string>;
	/** Files sent with it (a meeting's .ics). */
	attachments?: MailAttachment[];
	/** The body holds a secret link: emptied in the outbox once sent (mail/claims.ts). */
	forgetBody?: boolean;
};

/**
 * A line break in a header value would start a header of its own: every value the outbox keeps
 * for a header (subject, recipient, extra headers) is one line.
 */
export function oneLine(value: string) {
	return value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

/**
 * Queues a message inside the caller's transaction: it is sent if and only if that transaction
 * commits. Call `announceMail()` after the commit so the sender wakes at once.
 */
export async function enqueueMail(tx: Executor, mail: OutgoingMail) {
	const [row] = await tx
		.insert(mailOutbox)
		.values(outboxRow(mail))
		.returning({ id: mailOutbox.id });
	return row.id;
}

/** Many messages in one statement (a notice's batch of recipients), on the same terms. */
export async function enqueueMails(tx: Executor, mails: OutgoingMail[]) {
	if (mails.length > 0) await tx.insert(mailOutbox).values(mails.map(outboxRow));
}

function outboxRow(mail: OutgoingMail) {
	const to = typeof mail.to === 'string' ? { name: null, address: mail.to } : mail.to;
	return {
		kind: mail.kind,
		recipient: oneLine(to.address),
		recipientName: to.name === null ? null : oneLine(to.name),
		locale: mail.locale,
		subject: oneLine(mail.subject),
		text: mail.text,
		html: mail.html ?? null,
		headers: mail.headers
			? Object.fromEntries(
					Object.entries(mail.headers).map(([name, value]) => [oneLine(name), oneLine(value)])
				)
			: null,
		attachments: mail.attachments ?? null,
		forgetBody: mail.forgetBody ?? false
	};
}

/** Tells this instance's sender that mail was committed (others find it on their next round). */
export function announceMail() {
	emit('mail:queued', {});
}
