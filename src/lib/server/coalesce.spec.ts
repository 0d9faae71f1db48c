import { describe, expect, it } from 'vitest';
import { coalesced } from './coalesce';

/** A read whose results are numbered, finished by hand. */
function manualRead() {
	const started: { key: string; finish: (fail?: boolean) => void }[] = [];
	const read = coalesced(
		(key: string, _input: null) =>
			new Promise<string>((resolve, reject) => {
				const n = started.length + 1;
				started.push({
					key,
					finish: (fail) => (fail ? reject(new Error(`read ${n} failed`)) : resolve(`${key}${n}`))
				});
			})
	);
	return { read, started };
}

describe('coalesced reads', () => {
	it('gives each caller a read that began after it asked, shared by those waiting together', async () => {
		const { read, started } = manualRead();
		const first = read('a', null);
		// Asked while read 1 runs: they may not use it (it may predate their change); they share read 2.
		const second = read('a', null);
		const third = read('a', null);
		const other = read('b', null); // another key reads on its own
		expect(started.map((s) => s.key)).toEqual(['a', 'b']);
		started[0].finish();
		expect(await first).toBe('a1');
		await Promise.resolve();
		expect(started.map((s) => s.key)).toEqual(['a', 'b', 'a']);
		const fourth = read('a', null); // read 3 runs: this one waits for read 4
		started[2].finish();
		expect(await second).toBe('a3');
		expect(await third).toBe('a3');
		await new Promise((r) => setTimeout(r, 0));
		started[3].finish();
		expect(await fourth).toBe('a4');
		started[1].finish();
		expect(await other).toBe('b2');
		// Nothing running: the next caller starts a read at once.
		const fifth = read('a', null);
		expect(started).toHaveLength(5);
		started[4].finish();
		expect(await fifth).toBe('a5');
	});

	it('fails the callers of a failed read only, and the next read still runs', async () => {
		const { read, started } = manualRead();
		const first = read('a', null);
		const second = read('a', null);
		started[0].finish(true);
		await expect(first).rejects.toThrow('read 1 failed');
		await new Promise((r) => setTimeout(r, 0));
		started[1].finish();
		expect(await second).toBe('a2');
	});
});
