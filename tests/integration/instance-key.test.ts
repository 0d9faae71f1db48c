import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Client, scratchDatabase, startApp } from '../fixtures/app';
import { describeOnEachDatabase } from '../fixtures/databases';
import {
	adoptInstanceKey,
	checkInstanceKey,
	retiredInstanceKeys,
	SecretMismatch
} from '$lib/server/instance-key';

// Two Ed25519 public keys stand for two secrets: the check compares only the key derived from one.
const first = 'A'.repeat(43) + '=';
const second = 'B'.repeat(43) + '=';

describeOnEachDatabase('the instance secret', (db, kind) => {
	it('is recorded at first start, accepted again, and refused when another secret starts', async () => {
		await checkInstanceKey(db().db, first);
		await checkInstanceKey(db().db, first);
		await expect(checkInstanceKey(db().db, second)).rejects.toThrow(SecretMismatch);
		await expect(checkInstanceKey(db().db, second)).rejects.toThrow(/SECRET_KEY/);
		expect(await retiredInstanceKeys(db().db)).toEqual([]);
	});

	it('is replaced only by adopting the new one; the old key stays listed as retired', async () => {
		expect(await adoptInstanceKey(db().db, second)).toEqual({ changed: true, replaced: first });
		await checkInstanceKey(db().db, second);
		await expect(checkInstanceKey(db().db, first)).rejects.toThrow(/secret:adopt/);
		expect((await retiredInstanceKeys(db().db)).map((k) => k.publicKey)).toEqual([first]);
		expect(await adoptInstanceKey(db().db, second)).toEqual({ changed: false, replaced: null });
		// Going back to the first secret is one more adoption, and lists the second as retired.
		expect(await adoptInstanceKey(db().db, first)).toEqual({ changed: true, replaced: second });
		expect((await retiredInstanceKeys(db().db)).map((k) => k.publicKey)).toEqual([second]);
	});

	if (kind === 'postgres') {
		it('lets only one of two instances first started with different secrets at once run', async () => {
			const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'openfloor_test');
			const { openPostgres } = await import('$lib/server/db');
			const one = await openPostgres(scratch.url, { max: 2 });
			const two = await openPostgres(scratch.url, { max: 2 });
			try {
				const results = await Promise.allSettled([
					checkInstanceKey(one.db, first),
					checkInstanceKey(two.db, second)
				]);
				expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
				expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
			} finally {
				await one.close();
				await two.close();
				await scratch.drop();
			}
		});
	}
});

describe('the built app with a secret other than its database’s', () => {
	it('refuses to start with one clear line, until secret:adopt; the old key stays published', async () => {
		const app = await startApp({ env: { SECRET_KEY: 'the first secret of this instance' } });
		const before = (await new Client(app.url).get('/.well-known/openfloor-log-key')).json as {
			publicKey: string;
			retired: unknown[];
		};
		expect(before.retired).toEqual([]);
		expect(await app.stop()).toBe(0);

		const env = { ...app.env, SECRET_KEY: 'another secret, as on a restored machine' };
		const refused = spawnSync(process.execPath, ['server.js'], {
			env,
			encoding: 'utf8',
			timeout: 30_000
		});
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain(
			'Openfloor cannot start: this database was used with another secret'
		);
		expect(refused.stderr).not.toMatch(/\n\s+at /);

		const adopted = app.cli('secret-adopt', []);
		expect(adopted.status).toBe(0); // the command ran with the first secret: nothing to adopt
		expect(adopted.stdout).toContain('already');
		const withNew = spawnSync(
			process.execPath,
			['node_modules/tsx/dist/cli.mjs', 'scripts/secret-adopt.ts'],
			{ env, encoding: 'utf8' }
		);
		expect(withNew.stdout).toContain(before.publicKey);
		expect(withNew.status).toBe(0);

		const again = await startApp({
			dataDir: app.dataDir,
			port: app.port,
			env: { SECRET_KEY: env.SECRET_KEY }
		});
		try {
			const after = (await new Client(again.url).get('/.well-known/openfloor-log-key')).json as {
				publicKey: string;
				retired: { publicKey: string }[];
			};
			expect(after.publicKey).not.toBe(before.publicKey);
			expect(after.retired.map((k) => k.publicKey)).toEqual([before.publicKey]);
		} finally {
			await again.stop();
		}
	}, 120_000);
});
