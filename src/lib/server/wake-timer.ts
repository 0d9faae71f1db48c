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
