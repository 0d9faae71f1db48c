import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-hash-')), 'hash.ts');
fs.writeFileSync(
	script,
	`import { keyedHash } from ${JSON.stringify(path.resolve('src/lib/server/secrets.ts'))};
	console.log(keyedHash('voter', 'meeting', 'identity'));`
);

/** Runs a keyed hash in a fresh process with the given environment (the secret is read once). */
function hashIn(env: Record<string, string>) {
	const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script], {
		env: { PATH: process.env.PATH, ...env },
		encoding: 'utf8'
	});
	if (result.status !== 0 || !result.stdout.trim()) throw new Error(result.stderr);
	return result.stdout.trim();
}

describe('the instance secret', () => {
	it('is made once in DATA_DIR, readable by its owner alone, and kept', () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-secret-'));
		const first = hashIn({ DATA_DIR: dataDir });
		const file = path.join(dataDir, 'secret.key');
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(fs.readFileSync(file, 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(hashIn({ DATA_DIR: dataDir })).toBe(first);
		// Another folder: another secret, so other hashes.
		const other = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-secret-'));
		expect(hashIn({ DATA_DIR: other })).not.toBe(first);
	});

	it('is SECRET_KEY when set, the same for every instance that shares it', () => {
		const shared = 'every instance of this deployment shares this secret';
		const a = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-secret-'));
		const b = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-secret-'));
		expect(hashIn({ DATA_DIR: a, SECRET_KEY: shared })).toBe(
			hashIn({ DATA_DIR: b, SECRET_KEY: shared })
		);
		expect(fs.existsSync(path.join(a, 'secret.key'))).toBe(false);
	});
});
