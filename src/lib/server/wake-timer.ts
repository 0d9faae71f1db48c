import { describeError, log } from './log';

/**
 * A background worker's sleep (the mail sender, the notifier): `pause(ms)` waits that long, or
 * less if `wake()` is called (work was committed) or the worker stops. A wake that comes while the
 * worker is busy is kept until its next pause, so no work is slept through. The timer never keeps
 * the process alive.
 */
export function wakeTimer(stopped: () => boolean) {
	let woken = false;
	let wakeUp: (() => void) | undefined;
	return {
		wake() {
			woken = true;
			wakeUp?.();
		},
		/** A round starts: the wakes before it are answered by it. */
		startRound() {
			woken = false;
		},
		async pause(ms: number) {
			if (woken || stopped() || ms <= 0) return;
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, ms);
				timer.unref();
				wakeUp = () => {
					clearTimeout(timer);
					resolve();
				};
			});
			wakeUp = undefined;
		}
	};
}

/**
 * A worker's rounds, one after another until it stops. A round that throws (the database is
 * away, say) is logged and the next comes a little later, never in a tight loop.
 */
export async function runRounds(
	name: string,
	round: () => Promise<unknown>,
	stopped: () => boolean,
	pause: (ms: number) => Promise<void>,
	retryMs: number
) {
	while (!stopped()) {
		try {
			await round();
		} catch (error) {
			if (stopped()) break;
			log.error(`${name}: ${describeError(error)}`);
			await pause(retryMs);
		}
	}
}
