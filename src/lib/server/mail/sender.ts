import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Database } from '../db';
import type { MailOutboxRow } from '../db/schema';
import { on } from '../events';
import { runRounds, wakeTimer } from '../wake-timer';
import { log } from '../log';
import { claimDue, markSent, nextDueAt, recordFailure, releaseClaims } from './claims';
import { defaultRetryPolicy, describeFailure, type RetryPolicy } from './retry';

export type SenderOptions = {
	smtpUrl: string;
	mailFrom: string;
	/** Messages claimed at a time. */
	batchSize?: number;
	/** The longest sleep between two looks at the outbox (other instances' mail is found so). */
	pollMs?: number;
	/**
	 * How long a claim holds its rows. Longer than any one send can take (the transport's
	 * timeouts below); after it, a sender that died is taken over.
	 */
	leaseMs?: number;
	retry?: RetryPolicy;
	/** The spread of the retries' waits (retry.ts); tests fix it. */
	random?: () => number;
};

export type MailSender = {
	/** Looks at the outbox now (mail was just committed). */
	wake(): void;
	/**
	 * Stops after the message being sent (waiting at most `graceMs` for it) and hands back the
	 * rest of its batch. A send still running after the grace keeps its claim until the lease
	 * ends: the documented window where a message may arrive twice.
	 */
	stop(graceMs?: number): Promise<void>;
};

/** `<outbox id@sender's domain>`: a message sent again after a crash is recognisably the same. */
export function messageIdFor(id: string, mailFrom: string) {
	const domain = /@([^\s<>@]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'openfloor.invalid';
	return `<${id}@${domain}>`;
}

/**
 * Drains the outbox through SMTP: every state is in the table, so a restart resumes where the
 * last process stopped and any number of senders (instances) share the work without sending a
 * row twice (mail/claims.ts). Wakes on `mail:queued`, when a retry falls due, and every `pollMs`.
 */
export function startMailSender(db: Database, options: SenderOptions): MailSender {
	const batchSize = options.batchSize ?? 10;
	const pollMs = options.pollMs ?? 30_000;
	const leaseMs = options.leaseMs ?? 10 * 60_000;
	const retry = options.retry ?? defaultRetryPolicy;
	const claim = randomUUID();
	// One pooled connection, kept open from one message to the next and renewed after 100: a
	// connection per message pays its whole opening (TCP, the greeting — servers delay it on
	// purpose, smtp-server by 100 ms — EHLO, STARTTLS, AUTH) every time, which held a notice to
	// 5,000 followers under 10 messages a second (docs/performance.md, bench:notify). Messages
	// still go one at a time. Closed after a second without mail, so an idle app holds no
	// connection to the server. A connection lost while sending fails that message like any
	// other failure (maxRequeues 0): the retry policy is the only one, and every attempt counts.
	const transport = nodemailer.createTransport({
		url: options.smtpUrl,
		pool: true,
		maxConnections: 1,
		maxMessages: 100,
		idleTimeout: 1000,
		maxRequeues: 0,
		connectionTimeout: 30_000,
		greetingTimeout: 30_000,
		socketTimeout: 60_000
	});
	let stopped = false;
	const { wake, startRound, pause } = wakeTimer(() => stopped);
	const unsubscribe = on('mail:queued', wake);

	/** Until the next retry falls due, at most `pollMs`. */
	async function sleep() {
		const due = await nextDueAt(db);
		await pause(due ? Math.min(pollMs, due.getTime() - Date.now()) : pollMs);
	}

	async function deliver(row: MailOutboxRow) {
		try {
			await transport.sendMail({
				from: options.mailFrom,
				to: row.recipientName ? { name: row.recipientName, address: row.recipient } : row.recipient,
				subject: row.subject,
				text: row.text,
				...(row.html ? { html: row.html } : {}),
				headers: row.headers ?? {},
				...(row.attachments ? { attachments: row.attachments } : {}),
				messageId: messageIdFor(row.id, options.mailFrom)
			});
		} catch (error) {
			if (abandoned) return;
			const gaveUp = await recordFailure(db, row, claim, error, new Date(), retry, options.random);
			log.warn(`mail ${gaveUp ? 'given up' : 'not sent yet'} (${row.kind})`, {
				mail: row.id,
				attempts: row.attempts,
				error: describeFailure(error)
			});
			return;
		}
		// Accepted after the sender gave up waiting: recorded if the database is still open.
		if (abandoned) await markSent(db, row.id, new Date()).catch(() => undefined);
		else await markSent(db, row.id, new Date());
	}

	/** The claimed messages of this round not yet attempted: handed back if the sender stops. */
	let waiting: string[] = [];
	/** Stopped while a send hung: nothing more is written, its claim runs out by itself. */
	let abandoned = false;
	const handBack = () => {
		const ids = waiting;
		waiting = [];
		return releaseClaims(db, ids, claim, new Date());
	};

	async function round() {
		startRound();
		const batch = await claimDue(db, claim, batchSize, new Date(), leaseMs);
		waiting = batch.map((row) => row.id);
		for (const row of batch) {
			if (stopped) break;
			waiting = waiting.filter((id) => id !== row.id);
			await deliver(row);
		}
		if (abandoned) return;
		if (stopped) return handBack();
		if (batch.length < batchSize) await sleep();
	}

	const running = runRounds('mail sender', round, () => stopped, pause, Math.min(pollMs, 5000));

	return {
		wake,
		async stop(graceMs = 5000) {
			stopped = true;
			unsubscribe();
			wake();
			let timer: NodeJS.Timeout | undefined;
			const grace = new Promise<'late'>((resolve) => {
				timer = setTimeout(() => resolve('late'), graceMs);
			});
			if ((await Promise.race([running, grace])) === 'late') {
				abandoned = true;
				await handBack();
			}
			clearTimeout(timer);
			transport.close();
		}
	};
}
