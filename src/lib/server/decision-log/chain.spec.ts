import { describe, expect, it } from 'vitest';
import { canonicalJson, genesisHash, hashEntry, verifyChain, type LogEntry } from './chain';

function chainOf(count: number): LogEntry[] {
	const entries: LogEntry[] = [];
	let prevHash = genesisHash;
	for (let seq = 1; seq <= count; seq++) {
		const entry = {
			seq,
			kind: seq % 2 ? 'application.refused' : 'application.accepted',
			subject: `application:${seq}`,
			at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
			payload: { reason: `Reason number ${seq}, in words — and “quotes”.`, role: 'chair' },
			prevHash
		};
		const hash = hashEntry(entry);
		entries.push({ ...entry, hash });
		prevHash = hash;
	}
	return entries;
}

describe('canonical JSON', () => {
	it('sorts keys at every depth and drops undefined', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' }, u: undefined })).toBe(
			'{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}'
		);
	});

	it('gives the same hash whatever order the keys came in', () => {
		const [entry] = chainOf(1);
		const reordered = JSON.parse(
			JSON.stringify({
				payload: { role: 'chair', reason: entry.payload.reason },
				prevHash: entry.prevHash,
				at: entry.at,
				subject: entry.subject,
				kind: entry.kind,
				seq: entry.seq
			})
		);
		expect(hashEntry(reordered)).toBe(entry.hash);
	});

	it('refuses values JSON cannot hold', () => {
		expect(() => canonicalJson(Number.NaN)).toThrow();
		expect(() => canonicalJson(() => 1)).toThrow();
	});
});

describe('verifyChain', () => {
	it('accepts an intact chain and an empty one', () => {
		expect(verifyChain(chainOf(5))).toMatchObject({ ok: true, count: 5 });
		expect(verifyChain([])).toEqual({ ok: true, count: 0, lastHash: genesisHash });
	});

	it('names the entry whose contents changed, by one byte of the export', () => {
		const exported = JSON.stringify(chainOf(5));
		const at = exported.indexOf('number 3');
		const tampered = exported.slice(0, at) + 'Number 3' + exported.slice(at + 8);
		expect(verifyChain(JSON.parse(tampered))).toMatchObject({
			ok: false,
			index: 2,
			seq: 3,
			problem: 'hash'
		});
	});

	it('names a re-hashed entry by the next entry, whose link no longer holds', () => {
		const entries = chainOf(4);
		const forged = { ...entries[1], payload: { reason: 'Rewritten.', role: 'chair' } };
		forged.hash = hashEntry(forged);
		entries[1] = forged;
		expect(verifyChain(entries)).toMatchObject({ ok: false, seq: 3, problem: 'prev_hash' });
	});

	it('catches a removed, a reordered and a malformed entry', () => {
		const entries = chainOf(4);
		expect(verifyChain([entries[0], entries[2], entries[3]])).toMatchObject({
			ok: false,
			index: 1,
			problem: 'seq'
		});
		expect(verifyChain([entries[1], entries[0]])).toMatchObject({ ok: false, index: 0 });
		expect(verifyChain([entries[0], { seq: 2 }])).toMatchObject({
			ok: false,
			index: 1,
			problem: 'shape'
		});
		expect(verifyChain([{ ...entries[0], hash: 'abc' }])).toMatchObject({ problem: 'shape' });
	});
});
