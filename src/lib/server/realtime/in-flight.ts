/**
 * Work started by socket events (and the tallies they schedule) that must finish before the
 * database closes. On shutdown the server stops taking events, waits for this work to drain,
 * and only then closes the database, so no query fails beneath a handler.
 */
type InFlight = { count: number; stopping: boolean; idle: Set<() => void> };

const state = ((globalThis as { openfloorInFlight?: InFlight }).openfloorInFlight ??= {
	count: 0,
	stopping: false,
	idle: new Set()
});

export function track<T>(work: Promise<T>): Promise<T> {
	state.count++;
	return work.finally(() => {
		if (--state.count === 0) for (const resolve of state.idle) resolve();
	});
}

/** Whether the server is shutting down and takes no new events. */
export function stopping() {
	return state.stopping;
}

/** Stops taking events and waits (at most `timeoutMs`) until the work in flight has finished. */
export function drain(timeoutMs = 10_000): Promise<void> {
	state.stopping = true;
	if (state.count === 0) return Promise.resolve();
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			state.idle.delete(done);
			resolve();
		};
		const timer = setTimeout(done, timeoutMs);
		state.idle.add(done);
	});
}
