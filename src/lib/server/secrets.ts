import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from './config';

/**
 * The instance's secret: never in the database, so that whoever holds only the database (an
 * administrator, a leaked backup) cannot recompute a keyed hash — which account cast which vote,
 * which browser asked which anonymous question, which address a rate limit counted — nor forge
 * a participant token. `SECRET_KEY` when set (every instance of a deployment must share it);
 * otherwise `DATA_DIR/secret.key`, made at first start (readable by its owner alone). Never logged.
 */
const master = (() => {
	let value: Buffer | undefined;
	return () => (value ??= Buffer.from(config().secretKey ?? secretFromDataDir(config().dataDir)));
})();

function secretFromDataDir(dataDir: string): string {
	const file = path.join(dataDir, 'secret.key');
	try {
		return fs.readFileSync(file, 'utf8').trim();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	fs.mkdirSync(dataDir, { recursive: true });
	const made = crypto.randomBytes(32).toString('base64url');
	try {
		fs.writeFileSync(file, `${made}\n`, { flag: 'wx', mode: 0o600 });
		return made;
	} catch (error) {
		// Another process of this folder made it first (a command beside the app): use theirs.
		if ((error as NodeJS.ErrnoException).code === 'EEXIST')
			return fs.readFileSync(file, 'utf8').trim();
		throw error;
	}
}

export type Purpose =
	| 'participant'
	| 'voter'
	| 'asker'
	| 'rater'
	| 'limit'
	| 'admission'
	| 'log-signing'
	| 'device'
	| 'request'
	| 'subscription';

const derived = new Map<Purpose, Buffer>();

/** A key of its own for each purpose (HKDF-SHA-256 of the instance's secret). */
function keyFor(purpose: Purpose): Buffer {
	let key = derived.get(purpose);
	if (!key) {
		key = Buffer.from(crypto.hkdfSync('sha256', master(), 'openfloor', purpose, 32));
		derived.set(purpose, key);
	}
	return key;
}

/** HMAC-SHA-256 of the parts (each on its own line) under the purpose's key, as hex. */
export function keyedHash(purpose: Purpose, ...parts: string[]): string {
	return crypto.createHmac('sha256', keyFor(purpose)).update(parts.join('\n')).digest('hex');
}

/** The same, raw and cut to `bytes`, for tokens that carry their own proof. */
export function keyedTag(purpose: Purpose, text: string, bytes: number): Buffer {
	return crypto.createHmac('sha256', keyFor(purpose)).update(text).digest().subarray(0, bytes);
}

/**
 * The 32-byte seed of the instance's Ed25519 key for signing decision-log checkpoints: derived,
 * so every instance of a deployment signs with the same key and nothing new is stored.
 */
export function logSigningSeed(): Buffer {
	return keyFor('log-signing');
}
