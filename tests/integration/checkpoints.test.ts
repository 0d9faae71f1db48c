import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroupWithOfficers, makeMember, makeUser } from '../fixtures/factories';
import { failure } from '../fixtures/errors';
import type { Database } from '$lib/server/db';
import { logCheckpoints } from '$lib/server/db/schema';
import { listDecisions } from '$lib/server/decision-log/log';
import { hashEntry, verifyChain, genesisHash } from '$lib/server/decision-log/chain';
import {
	checkExtension,
	checkpointSignatureHolds,
	publicKeyFrom
} from '$lib/server/decision-log/checkpoint';
import { logPublicKey } from '$lib/server/decision-log/signing-key';
import {
	checkpointSince,
	countersignCheckpoint,
	latestCheckpoint,
	signDueCheckpoints,
	signHead
} from '$lib/server/decision-log/checkpoints';
import { setMembershipOpen } from '$lib/server/membership/openness';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-checkpoints-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const save = (name: string, value: unknown) => {
	const file = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.json`);
	fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
	return file;
};

const verifyLog = (...args: string[]) =>
	spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/verify-log.ts', ...args], {
		encoding: 'utf8'
	});

/** A group whose log has its two officers' appointments, then `members` acceptances. */
async function groupWithLog(db: Database, members: number) {
	const officers = await makeGroupWithOfficers(db);
	const reps = [];
	for (let i = 0; i < members; i++) {
		reps.push(await makeMember(db, officers.group.slug, officers.chair, `Organisation ${i + 1}`));
	}
	return { ...officers, reps };
}

const sign = (db: Database, group: { id: string; slug: string }, now = new Date()) =>
	db.transaction((tx) => signHead(tx, group, now));

/**
 * What a dishonest host holding the database can do: switch off the append-only triggers,
 * change an old entry, and recompute every hash after it so the chain holds again.
 */
async function rewriteAsHost(db: Database, groupId: string, seq: number, reason: string) {
	await db.execute(sql`alter table decision_log disable trigger user`);
	try {
		const entries = await listDecisions(db, groupId);
		let prevHash = seq === 1 ? genesisHash : entries[seq - 2].hash;
		for (const entry of entries.slice(seq - 1)) {
			const payload = entry.seq === seq ? { ...entry.payload, reason } : entry.payload;
			const hash = hashEntry({ ...entry, payload, prevHash });
			await db.execute(sql`
				update decision_log set payload = ${JSON.stringify(payload)}::jsonb,
					prev_hash = ${prevHash}, hash = ${hash}
				where group_id = ${groupId} and seq = ${entry.seq}`);
			prevHash = hash;
		}
	} finally {
		await db.execute(sql`alter table decision_log enable trigger user`);
	}
}

describeOnEachDatabase('signed checkpoints of the decision log', (handle) => {
	it('signs the head with the instance key, verifiable with the published key and no other', async () => {
		const { db } = handle();
		const { group } = await groupWithLog(db, 2);
		const signed = await sign(db, group);
		const entries = await listDecisions(db, group.id);
		expect(signed).toMatchObject({ group: group.slug, size: 4, head: entries[3].hash });
		const published = logPublicKey();
		expect(published.algorithm).toBe('Ed25519');
		expect(checkpointSignatureHolds(signed!, publicKeyFrom(JSON.stringify(published)))).toBe(true);
		expect(checkpointSignatureHolds(signed!, publicKeyFrom(published.pem))).toBe(true);
		const other = generateKeyPairSync('ed25519').publicKey;
		expect(checkpointSignatureHolds(signed!, other)).toBe(false);
		// The same key every time: derived from the instance secret, nothing stored.
		expect(logPublicKey().publicKey).toBe(published.publicKey);
		// verify-log refuses a checkpoint under another key.
		const otherPem = other.export({ format: 'pem', type: 'spki' }).toString();
		const refused = verifyLog(
			save('log', entries),
			'--checkpoint',
			save('checkpoint', signed),
			'--key',
			save('key', otherPem)
		);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('CHECKPOINT NOT SIGNED by this key');
		// Checkpoints are append-only, as the log is.
		await expect(db.execute(sql`update log_checkpoints set size = 1`)).rejects.toThrow();
		await expect(db.execute(sql`delete from log_checkpoints`)).rejects.toThrow();
	});

	it('catches a host who changes an old entry and recomputes the whole chain', async () => {
		const { db } = handle();
		const { group, chair, reps } = await groupWithLog(db, 3);
		const keyFile = save('key', logPublicKey());
		// Readers save checkpoints as the log grows (from the feed, the minutes, the decisions page).
		const saved: string[] = [];
		const day = 86_400_000;
		const start = Date.now() - 10 * day;
		const signedAt5 = await sign(db, group, new Date(start + 3 * day));
		saved.push(save('checkpoint-5', signedAt5));
		// The log grows: a closure of membership (entry 6) and its checkpoint.
		await setMembershipOpen(db, actorOf(chair), group.slug, {
			open: false,
			reason: 'Pending a review of the terms of reference.',
			reviewOn: '2027-06-30'
		});
		const signedAt6 = await sign(db, group, new Date(start + 4 * day));
		saved.push(save('checkpoint-6', signedAt6));

		const honest = await listDecisions(db, group.id);
		expect(checkExtension(honest, [signedAt5!, signedAt6!])).toEqual({ ok: true, size: 6 });
		const ok = verifyLog(
			save('log', honest),
			'--checkpoint',
			saved[0],
			'--checkpoint',
			saved[1],
			'--key',
			keyFile
		);
		expect(ok.stdout).toContain('OK: 6 entries verified');
		expect(ok.stdout).toContain('OK: the log extends 2 signed checkpoint(s), up to entry 6');
		expect(ok.status).toBe(0);

		// The host rewrites the closure's reason (entry 6) and re-hashes: the chain holds again...
		await rewriteAsHost(db, group.id, 6, 'Because the chair said so.');
		const rewritten = await listDecisions(db, group.id);
		expect(verifyChain(rewritten)).toMatchObject({ ok: true, count: 6 });
		expect(rewritten[5].payload.reason).toBe('Because the chair said so.');
		// ...and the host can even sign the new head with the instance key.
		const resigned = await sign(db, group, new Date());
		expect(
			checkpointSignatureHolds(resigned!, publicKeyFrom(fs.readFileSync(keyFile, 'utf8')))
		).toBe(true);
		// But the checkpoints readers saved before name the break: entry 6, exactly.
		const exported = save('log', { items: rewritten, next: null });
		const broken = verifyLog(
			exported,
			'--checkpoint',
			saved[0],
			'--checkpoint',
			saved[1],
			'--key',
			keyFile
		);
		expect(broken.status).toBe(1);
		expect(broken.stdout).toContain('OK: 6 entries verified');
		expect(broken.stderr).toContain('BROKEN against a signed checkpoint');
		expect(broken.stderr).toContain('seq 6 was changed');
		// With only the later checkpoint, it names the range the change lies in.
		const onlyLater = verifyLog(exported, '--checkpoint', saved[1], '--key', keyFile);
		expect(onlyLater.status).toBe(1);
		expect(onlyLater.stderr).toContain('an entry from seq 1 to seq 6 was changed');

		// A deeper rewrite (entry 4, every later hash recomputed) breaks both saved checkpoints.
		await rewriteAsHost(db, group.id, 4, 'Rewritten.');
		const deeper = await listDecisions(db, group.id);
		expect(verifyChain(deeper).ok).toBe(true);
		const named = checkExtension(deeper, [signedAt5!, signedAt6!]);
		expect(named).toMatchObject({ ok: false, problem: 'rewritten', fromSeq: 1, toSeq: 5 });
		expect(reps).toHaveLength(3);
	});

	it('signs on schedule: when the head changed or the last checkpoint is a day old', async () => {
		const { db } = handle();
		const { group } = await groupWithLog(db, 1);
		const count = async () =>
			(
				await db
					.select()
					.from(logCheckpoints)
					.where(sql`group_id = ${group.id}`)
			).length;
		const t0 = new Date(Date.now() + 1000);
		await signDueCheckpoints(db, { now: t0 });
		expect(await count()).toBe(1);
		// Nothing new and not a day old: nothing signed.
		await signDueCheckpoints(db, { now: new Date(t0.getTime() + 3_600_000) });
		expect(await count()).toBe(1);
		// A day old: signed again, same head.
		await signDueCheckpoints(db, { now: new Date(t0.getTime() + 86_400_000) });
		expect(await count()).toBe(2);
		const latest = await latestCheckpoint(db, group);
		expect(latest).toMatchObject({
			size: 3,
			signedAt: new Date(t0.getTime() + 86_400_000).toISOString()
		});
		expect(await checkpointSince(db, group, new Date(t0.getTime() + 1))).toMatchObject({
			signedAt: latest!.signedAt
		});
	});

	it('takes one countersignature per member organisation, refused to anyone else', async () => {
		const { db } = handle();
		const { group, chair, reps } = await groupWithLog(db, 2);
		const checkpoint = await sign(db, group);
		const size = checkpoint!.size;
		const outsider = await makeUser(db);
		expect((await failure(countersignCheckpoint(db, actorOf(null), group.slug, size))).status).toBe(
			401
		);
		const refused = await failure(countersignCheckpoint(db, actorOf(outsider), group.slug, size));
		expect(refused.status).toBe(403);
		expect(refused.msg.key).toBe('member.not_representative');
		// An officer who represents no member organisation is refused too.
		expect(
			(await failure(countersignCheckpoint(db, actorOf(chair), group.slug, size))).status
		).toBe(403);
		expect(
			(await failure(countersignCheckpoint(db, actorOf(reps[0]), group.slug, 99))).status
		).toBe(404);
		const first = await countersignCheckpoint(db, actorOf(reps[0]), group.slug, size);
		expect(first.countersignatures.map((c) => c.organisation)).toEqual(['Organisation 1']);
		const twice = await failure(
			countersignCheckpoint(db, actorOf(reps[0]), group.slug, String(size))
		);
		expect(twice.status).toBe(409);
		expect(twice.msg.key).toBe('checkpoint.already_countersigned');
		await countersignCheckpoint(db, actorOf(reps[1]), group.slug, size);
		const latest = await latestCheckpoint(db, group);
		expect(latest!.countersignatures.map((c) => c.organisation)).toEqual([
			'Organisation 1',
			'Organisation 2'
		]);
		// What is public names the organisation, not the person.
		expect(JSON.stringify(latest)).not.toContain(reps[0].displayName);
	});
});
