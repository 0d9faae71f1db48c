import { describe, expect, it } from 'vitest';
import { readAtMost } from './body-limit';

const streamOf = (...chunks: string[]) =>
	new ReadableStream<Uint8Array>({
		start(controller) {
			for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
			controller.close();
		}
	});

describe('reading a body up to a limit', () => {
	it('gives the whole body when it fits, exactly at the limit too', async () => {
		expect(new TextDecoder().decode(await readAtMost(streamOf('ab', 'cd'), 4))).toBe('abcd');
	});

	it('gives nothing once the body goes past the limit', async () => {
		expect(await readAtMost(streamOf('ab', 'cd', 'e'), 4)).toBeUndefined();
	});

	it('gives nothing when the sender breaks off', async () => {
		const broken = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(new Uint8Array(2));
				controller.error(new Error('aborted'));
			}
		});
		expect(await readAtMost(broken, 10)).toBeUndefined();
	});
});
