import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { genesisHash, hashEntry, type LogEntry } from './chain';
import {
	checkExtension,
	checkpointMessage,
	checkpointSignatureHolds,
	parseCheckpoint,
	publicKeyFrom,
	publicKeysFrom,
	rawPublicKey,
	type SignedCheckpoint
} from './checkpoint';

function chainOf(count: number, change?: { seq: number; reason: string }): LogEntry[] {
	const entries: LogEntry[] = [];
	let prevHash = genesisHash;
	for (let seq = 1; seq <= count; seq++) {
		const reason = change?.seq === seq ? change.reason : `Reason ${seq}`;
		const entry = {
			seq,
			kind: 'application.refused',
			subject: `application:${seq}`,
			at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
			payload: { reason },
			prevHash
		};
		const hash = hashEntry(entry);
		entries.push({ ...entry, hash });
		prevHash = hash;
	}
	return entries;
}

const keys = generateKeyPairSync('ed25519');

function checkpointOf(entries: LogEntry[], size: number, key = keys.privateKey): SignedCheckpoint {
	const body = {
		group: 'harbour',
		size,
		head: entries[size - 1].hash,
		signedAt: new Date(Date.UTC(2026, 1, size)).toISOString()
	};
	return { ...body, signature: sign(null, checkpointMessage(body), key).toString('base64') };
}

describe('signed checkpoints', () => {
	it('signs the canonical JSON of { group, size, head, signedAt }', () => {
		const message = checkpointMessage({
			size: 2,
			signedAt: '2026-02-02T00:00:00.000Z',
			head: 'a'.repeat(64),
			group: 'harbour'
		}).toString();
		expect(message).toBe(
			`{"group":"harbour","head":"${'a'.repeat(64)}","signedAt":"2026-02-02T00:00:00.000Z","size":2}`
		);
	});

	it('verifies with the key however it is given, and fails with another key or a changed field', () => {
		const checkpoint = checkpointOf(chainOf(3), 3);
		const pem = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
		const raw = rawPublicKey(keys.publicKey);
		for (const text of [pem, raw, JSON.stringify({ algorithm: 'Ed25519', publicKey: raw })]) {
			expect(checkpointSignatureHolds(checkpoint, publicKeyFrom(text))).toBe(true);
		}
		const other = generateKeyPairSync('ed25519').publicKey;
		expect(checkpointSignatureHolds(checkpoint, other)).toBe(false);
		expect(checkpointSignatureHolds({ ...checkpoint, size: 2 }, keys.publicKey)).toBe(false);
		expect(checkpointSignatureHolds({ ...checkpoint, signature: 'AA==' }, keys.publicKey)).toBe(
			false
		);
		expect(() => parseCheckpoint({ ...checkpoint, head: 'nope' })).toThrow();
		expect(parseCheckpoint({ ...checkpoint, extra: 1 })).toEqual(checkpoint);
	});

	it('verifies a checkpoint signed before a change of secret with a key listed as retired', () => {
		const old = generateKeyPairSync('ed25519');
		const checkpoint = checkpointOf(chainOf(3), 3, old.privateKey);
		const served = JSON.stringify({
			algorithm: 'Ed25519',
			publicKey: rawPublicKey(keys.publicKey),
			retired: [{ publicKey: rawPublicKey(old.publicKey), retiredAt: '2026-03-01T00:00:00Z' }]
		});
		const found = publicKeysFrom(served);
		expect(found).toHaveLength(2);
		expect(found.some((key) => checkpointSignatureHolds(checkpoint, key))).toBe(true);
		expect(checkpointSignatureHolds(checkpoint, publicKeyFrom(served))).toBe(false);
		expect(publicKeysFrom(rawPublicKey(keys.publicKey))).toHaveLength(1);
	});

	it('accepts a log that extends the checkpoints and names a rewrite or a removal', () => {
		const honest = chainOf(6);
		const saved = [checkpointOf(honest, 2), checkpointOf(honest, 3), checkpointOf(honest, 5)];
		expect(checkExtension(honest, saved)).toEqual({ ok: true, size: 5 });
		// A dishonest host changes entry 3 and recomputes every hash after it: the chain holds...
		const rewritten = chainOf(6, { seq: 3, reason: 'Rewritten' });
		// ...but not against checkpoints saved before.
		expect(checkExtension(rewritten, saved)).toMatchObject({
			ok: false,
			problem: 'rewritten',
			fromSeq: 3,
			toSeq: 3
		});
		expect(checkExtension(rewritten, [saved[2]])).toMatchObject({ fromSeq: 1, toSeq: 5 });
		expect(checkExtension(honest.slice(0, 4), saved)).toMatchObject({ problem: 'shorter' });
	});
});
