/**
 * Reads a request body of at most `limit` bytes; undefined once it goes past the limit (what was
 * read is dropped and the rest is left unread) or when the sender breaks off.
 */
export async function readAtMost(
	body: ReadableStream<Uint8Array>,
	limit: number
): Promise<Uint8Array<ArrayBuffer> | undefined> {
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size > limit) return undefined;
			chunks.push(value);
		}
	} catch {
		return undefined;
	} finally {
		reader.releaseLock();
	}
	const whole = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		whole.set(chunk, at);
		at += chunk.byteLength;
	}
	return whole;
}
