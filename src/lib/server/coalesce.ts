/**
 * Reads shared by the callers that ask for the same key at about the same time, and never older
 * than the call: each caller gets the result of a read that began after it asked. While a read
 * runs, the callers that arrive wait for the next one, which starts when it ends and serves them
 * all. A thousand attendees joining at once thus cost a handful of reads, not a thousand, and
 * each still sees every change committed before it asked.
 */
export function coalesced<A, T>(read: (key: string, input: A) => Promise<T>) {
	const reads = new Map<string, { running: Promise<T>; next?: Promise<T> }>();

	function start(key: string, input: A): Promise<T> {
		const running = read(key, input);
		reads.set(key, { running });
		const settle = () => {
			const entry = reads.get(key);
			if (entry?.running === running && !entry.next) reads.delete(key);
		};
		running.then(settle, settle);
		return running;
	}

	/** `input` is handed to the read (the first waiting caller's, when callers share one). */
	return (key: string, input: A): Promise<T> => {
		const entry = reads.get(key);
		if (!entry) return start(key, input);
		entry.next ??= entry.running.then(
			() => start(key, input),
			() => start(key, input)
		);
		return entry.next;
	};
}
