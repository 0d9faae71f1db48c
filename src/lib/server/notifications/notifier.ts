import { randomUUID } from 'node:crypto';
import type { Database } from '../db';
import { on } from '../events';
import { runRounds, wakeTimer } from '../wake-timer';
import { claimNotice, fanOut, nextNoticeAt } from './fan-out';
import { recordReminders } from './reminders';
import { sendDueDigests } from './digest';

export type NotifierOptions = {
	/**
	 * Recipients written per transaction. Small enough that the requests queued behind one on
	 * the embedded database (one connection) wait a few milliseconds, not a tenth of a second;
	 * 500 took no less time in all (docs/performance.md, bench:notify).
	 */
	batchSize?: number;
	/** The longest sleep between two looks (other instances' notices are found so). */
	pollMs?: number;
	/** How long a claim holds a notice between batches before another notifier takes it over. */
	leaseMs?: number;
	/** How often reminders (windows closing, promises due) and weekly digests are looked for. */
	clockEveryMs?: number;
};

export type Notifier = { wake(): void; stop(): Promise<void> };

/**
 * Turns notices into emails in the outbox (fan-out.ts), in every app process whether or not
 * `SMTP_URL` is set (without it the emails wait in the outbox). Wakes on `notices:queued`, when
 * a waiting notice falls due, and every `pollMs`; looks at the clock for reminders and digests
 * every `clockEveryMs`. Any number of instances share the work (claims: fan-out.ts).
 */
export function startNotifier(db: Database, options: NotifierOptions = {}): Notifier {
	const batchSize = options.batchSize ?? 100;
	const pollMs = options.pollMs ?? 30_000;
	const leaseMs = options.leaseMs ?? 5 * 60_000;
	const clockEveryMs = options.clockEveryMs ?? 60 * 60_000;
	const claim = randomUUID();
	let stopped = false;
	let clockLookedAt = 0;
	const { wake, startRound, pause } = wakeTimer(() => stopped);
	const unsubscribe = on('notices:queued', wake);

	async function round() {
		startRound();
		const now = new Date();
		if (now.getTime() - clockLookedAt >= clockEveryMs) {
			clockLookedAt = now.getTime();
			await recordReminders(db, now);
			await sendDueDigests(db, now);
		}
		const notice = await claimNotice(db, claim, now, leaseMs);
		if (notice) {
			await fanOut(db, notice, claim, { batchSize, leaseMs, stopping: () => stopped });
			return;
		}
		const due = await nextNoticeAt(db);
		const untilClock = clockLookedAt + clockEveryMs - Date.now();
		await pause(Math.min(pollMs, untilClock, due ? due.getTime() - Date.now() : pollMs));
	}

	const running = runRounds('notifier', round, () => stopped, pause, Math.min(pollMs, 5000));

	return {
		wake,
		async stop() {
			stopped = true;
			unsubscribe();
			wake();
			await running;
		}
	};
}
