import { createHash } from 'node:crypto';

/**
 * The decision log's chain, with no database and no framework: shared by the server (appending),
 * the decisions page (verifying) and `npm run verify-log` (verifying an export independently).
 */

/** One entry as exported: `hash` is the SHA-256 (hex) of the canonical JSON of the other fields. */
export type LogEntry = {
	seq: number;
	kind: string;
	subject: string;
	/** ISO 8601, UTC, milliseconds. */
	at: string;
	payload: Record<string, unknown>;
	prevHash: string;
	hash: string;
};

/** The previous hash of the first entry. */
export const genesisHash = '0'.repeat(64);

/**
 * JSON with object keys sorted (recursively) and no spaces, so the same entry always gives
 * the same bytes whatever order a database or a parser keeps keys in.
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		if (typeof value === 'number' && !Number.isFinite(value)) {
			throw new TypeError('canonical JSON has no NaN or Infinity');
		}
		const json = JSON.stringify(value);
		if (json === undefined) throw new TypeError(`canonical JSON cannot hold ${typeof value}`);
		return json;
	}
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash an entry must carry: SHA-256 over the canonical JSON of every field but `hash`. */
export function hashEntry(entry: Omit<LogEntry, 'hash'>): string {
	const { seq, kind, subject, at, payload, prevHash } = entry;
	return createHash('sha256')
		.update(canonicalJson({ seq, kind, subject, at, payload, prevHash }), 'utf8')
		.digest('hex');
}

export type Verification =
	| { ok: true; count: number; lastHash: string }
	| {
			ok: false;
			count: number;
			/** Position in the list (0-based) and seq of the first entry that does not hold. */
			index: number;
			seq: number | null;
			problem: 'shape' | 'seq' | 'prev_hash' | 'hash';
			message: string;
	  };

const hex64 = /^[0-9a-f]{64}$/;

function shapeProblem(entry: unknown): string | undefined {
	if (!entry || typeof entry !== 'object') return 'is not an object';
	const e = entry as Record<string, unknown>;
	if (!Number.isInteger(e.seq)) return 'has no whole-number seq';
	for (const key of ['kind', 'subject', 'at', 'prevHash', 'hash']) {
		if (typeof e[key] !== 'string') return `has no ${key}`;
	}
	if (!e.payload || typeof e.payload !== 'object' || Array.isArray(e.payload)) {
		return 'has no payload object';
	}
	if (!hex64.test(e.prevHash as string) || !hex64.test(e.hash as string)) {
		return 'has a hash that is not 64 hex digits';
	}
	return undefined;
}

/**
 * Re-verifies a chain from its first entry: seq counts up from 1, each entry names the previous
 * entry's hash, and each hash matches the entry's contents. Names the first entry that breaks.
 */
export function verifyChain(entries: readonly unknown[]): Verification {
	let previous = genesisHash;
	for (let index = 0; index < entries.length; index++) {
		const raw = entries[index];
		const seqOf = (raw as { seq?: unknown } | null)?.seq;
		const seq = Number.isInteger(seqOf) ? (seqOf as number) : null;
		const fail = (problem: Exclude<Verification, { ok: true }>['problem'], message: string) =>
			({ ok: false, count: entries.length, index, seq, problem, message }) as const;
		const shape = shapeProblem(raw);
		if (shape) return fail('shape', `entry ${index + 1} ${shape}`);
		const entry = raw as LogEntry;
		if (entry.seq !== index + 1) {
			return fail('seq', `entry ${index + 1} has seq ${entry.seq}, expected ${index + 1}`);
		}
		if (entry.prevHash !== previous) {
			return fail('prev_hash', `entry seq ${entry.seq} does not name the previous entry's hash`);
		}
		if (hashEntry(entry) !== entry.hash) {
			return fail('hash', `entry seq ${entry.seq} does not match its hash: it was altered`);
		}
		previous = entry.hash;
	}
	return { ok: true, count: entries.length, lastHash: previous };
}
