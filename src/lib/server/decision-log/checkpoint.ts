import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, type LogEntry } from './chain';

/**
 * Signed checkpoints of a decision log, with no database and no framework: shared by the server
 * (signing, showing) and `npm run verify-log --checkpoint` (verifying a saved one).
 */

/** `signature`: Ed25519 (base64) over `checkpointMessage` of the other four fields. */
export type SignedCheckpoint = {
	/** The group's slug. */
	group: string;
	/** How many entries the log had; `head` is the `hash` of entry `size`. */
	size: number;
	head: string;
	/** ISO 8601, UTC, milliseconds. */
	signedAt: string;
	signature: string;
};

/** The bytes signed: the canonical JSON (as the chain's) of `{ group, size, head, signedAt }`. */
export function checkpointMessage(checkpoint: Omit<SignedCheckpoint, 'signature'>): Buffer {
	const { group, size, head, signedAt } = checkpoint;
	return Buffer.from(canonicalJson({ group, head, signedAt, size }), 'utf8');
}

/** DER prefix of an Ed25519 SubjectPublicKeyInfo, before the 32 raw key bytes (RFC 8410). */
const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * Every key that may have signed a checkpoint: the one the well-known URL serves and those it
 * lists as `retired` (the instance's secret was replaced), or the one key of a PEM or raw file.
 */
export function publicKeysFrom(text: string): KeyObject[] {
	const trimmed = text.trim();
	if (!trimmed.startsWith('{')) return [publicKeyFrom(trimmed)];
	const data = JSON.parse(trimmed) as { retired?: unknown };
	const retired = Array.isArray(data.retired) ? data.retired : [];
	return [
		publicKeyFrom(trimmed),
		...retired.map((r) => publicKeyFrom(String((r as { publicKey?: unknown }).publicKey ?? '')))
	];
}

/**
 * The instance's public key from what its well-known URL serves (`{ publicKey }`, raw base64),
 * a PEM file, or the raw 32 bytes in base64.
 */
export function publicKeyFrom(text: string): KeyObject {
	const trimmed = text.trim();
	let raw = trimmed;
	if (trimmed.startsWith('{')) {
		const data = JSON.parse(trimmed) as { publicKey?: unknown; pem?: unknown };
		if (typeof data.pem === 'string') return createPublicKey(data.pem);
		if (typeof data.publicKey !== 'string') throw new Error('the key JSON has no publicKey');
		raw = data.publicKey;
	} else if (trimmed.includes('BEGIN PUBLIC KEY')) {
		return createPublicKey(trimmed);
	}
	const bytes = Buffer.from(raw, 'base64');
	if (bytes.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
	return createPublicKey({ key: Buffer.concat([spkiPrefix, bytes]), format: 'der', type: 'spki' });
}

/** The raw 32 bytes of an Ed25519 public key, base64. */
export function rawPublicKey(key: KeyObject): string {
	return key.export({ format: 'der', type: 'spki' }).subarray(spkiPrefix.length).toString('base64');
}

const hex64 = /^[0-9a-f]{64}$/;

/** A checkpoint read from anywhere (a saved file, a feed, a URL), or why it is not one. */
export function parseCheckpoint(value: unknown): SignedCheckpoint {
	const c = value as Partial<SignedCheckpoint> | null;
	if (
		!c ||
		typeof c.group !== 'string' ||
		!Number.isInteger(c.size) ||
		(c.size as number) < 1 ||
		typeof c.head !== 'string' ||
		!hex64.test(c.head) ||
		typeof c.signedAt !== 'string' ||
		typeof c.signature !== 'string'
	) {
		throw new Error('not a signed checkpoint: { group, size, head, signedAt, signature }');
	}
	const { group, size, head, signedAt, signature } = c as SignedCheckpoint;
	return { group, size, head, signedAt, signature };
}

/** Whether the checkpoint was signed by the holder of `key`, exactly as it reads. */
export function checkpointSignatureHolds(checkpoint: SignedCheckpoint, key: KeyObject): boolean {
	const signature = Buffer.from(checkpoint.signature, 'base64');
	if (signature.length !== 64) return false;
	return verify(null, checkpointMessage(checkpoint), key, signature);
}

export type Extension =
	| { ok: true; size: number }
	| {
			ok: false;
			problem: 'shorter' | 'rewritten';
			/** The first entry that may differ and the first that surely does (the same when known). */
			fromSeq: number;
			toSeq: number;
			message: string;
	  };

/**
 * Whether a log (already verified as a chain) extends every saved checkpoint: it holds at least
 * `size` entries and entry `size` has the hash `head` (which, by the chain, pins every entry up to
 * it). When it does not, names where the log was rewritten: after the largest checkpoint it still
 * matches and no later than the smallest it does not (one seq, given checkpoints that close).
 */
export function checkExtension(
	entries: readonly LogEntry[],
	checkpoints: readonly SignedCheckpoint[]
): Extension {
	const sorted = [...checkpoints].sort((a, b) => a.size - b.size);
	let held = 0;
	for (const checkpoint of sorted) {
		const entry = entries[checkpoint.size - 1];
		if (!entry) {
			return {
				ok: false,
				problem: 'shorter',
				fromSeq: entries.length + 1,
				toSeq: checkpoint.size,
				message: `the log has ${entries.length} entries, but a checkpoint signed at ${checkpoint.signedAt} covers ${checkpoint.size}: entries were removed`
			};
		}
		if (entry.hash !== checkpoint.head) {
			const fromSeq = held + 1;
			const where =
				fromSeq === checkpoint.size
					? `seq ${fromSeq} was changed`
					: `an entry from seq ${fromSeq} to seq ${checkpoint.size} was changed`;
			return {
				ok: false,
				problem: 'rewritten',
				fromSeq,
				toSeq: checkpoint.size,
				message: `entry seq ${checkpoint.size} has hash ${entry.hash}, but the checkpoint signed at ${checkpoint.signedAt} gives ${checkpoint.head}: the log was rewritten (${where}) and its chain recomputed`
			};
		}
		held = checkpoint.size;
	}
	return { ok: true, size: held };
}
