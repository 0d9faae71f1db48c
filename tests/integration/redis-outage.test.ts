import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type RunningApp } from '../fixtures/app';
import { joinLive, waitForRedis, type LiveClient, type MeetingPath } from '../fixtures/live-app';
import { startTwoInstances, type TwoInstances } from '../fixtures/two-instances';

const databaseUrl = process.env.DATABASE_URL;
const haveRedisServer = spawnSync('redis-server', ['--version']).status === 0;

/** A Redis server of this test's own (the shared one must never be stopped), on `port`. */
async function startRedis(port: number): Promise<ChildProcess> {
	const redis = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: 'pipe' }
	);
	const guard = () => redis.kill('SIGKILL');
	process.once('exit', guard);
	redis.once('exit', () => process.off('exit', guard));
	await new Promise<void>((resolve, reject) => {
		let out = '';
		redis.stdout!.on('data', (d) => {
			out += d;
			if (out.includes('Ready to accept connections')) resolve();
		});
		redis.once('exit', (code) => reject(new Error(`redis-server exited ${code}: ${out}`)));
	});
	return redis;
}

function stopRedis(redis: ChildProcess) {
	return new Promise<void>((resolve) => {
		if (redis.exitCode !== null || redis.signalCode !== null) return resolve();
		redis.once('exit', () => resolve());
		redis.kill('SIGKILL');
	});
}

/** The next tally on `socket` that counts `questionId`, or null after `ms`. */
function tallyOf(socket: LiveClient, questionId: string, ms = 1500) {
	return new Promise<number | null>((resolve) => {
		const timer = setTimeout(() => {
			socket.off('tally', listener);
			resolve(null);
		}, ms);
		const listener = ({ counts }: { counts: Record<string, number> }) => {
			if (!(questionId in counts)) return;
			clearTimeout(timer);
			socket.off('tally', listener);
			resolve(counts[questionId]);
		};
		socket.on('tally', listener);
	});
}

/**
 * Two instances on PostgreSQL sharing broadcasts through a Redis that goes away: each instance
 * keeps serving its own clients (votes accepted, counted and broadcast on that instance), and
 * broadcasts across instances resume when Redis returns. Runs with DATABASE_URL and the
 * `redis-server` program (CI has both).
 */
describe.runIf(databaseUrl && haveRedisServer)('a Redis outage under two instances', () => {
	let redis: ChildProcess;
	let redisPort: number;
	let instances: TwoInstances | undefined;
	let first: RunningApp;
	let second: RunningApp;
	let path: MeetingPath;
	const sockets: LiveClient[] = [];

	beforeAll(async () => {
		redisPort = await freePort();
		redis = await startRedis(redisPort);
		instances = await startTwoInstances(databaseUrl!, `redis://127.0.0.1:${redisPort}`, 'outage');
		({ first, second, path } = instances);
	});

	afterAll(async () => {
		for (const socket of sockets) socket.disconnect();
		await instances?.stop();
		if (redis) await stopRedis(redis);
	});

	const join = (app: RunningApp) => joinLive(app.url, path, sockets);
	const vote = async (app: RunningApp, questionId: string) => {
		const { socket } = await join(app);
		return socket.timeout(5000).emitWithAck('question:vote', { questionId, up: true });
	};

	it('keeps each instance serving its own clients, and shares broadcasts again when Redis returns', async () => {
		const onFirst = await join(first);
		const onSecond = await join(second);
		const asked = await onFirst.socket
			.timeout(5000)
			.emitWithAck('question:ask', { text: 'Does the room survive Redis?', anonymous: true });
		expect(asked.ok).toBe(true);
		if (!asked.ok) return;
		const id = asked.question.id;
		const acrossBefore = tallyOf(onSecond.socket, id);
		expect(await vote(first, id)).toMatchObject({ ok: true, voteCount: 1 });
		expect(await acrossBefore).toBe(1);

		await stopRedis(redis);
		for (const app of [first, second]) await waitForRedis(app, false);
		// Each instance alone: votes are accepted (the limit falls back to the database) and the
		// tally reaches the clients of the instance that took the vote.
		const localFirst = tallyOf(onFirst.socket, id);
		expect(await vote(first, id)).toMatchObject({ ok: true, voteCount: 2 });
		expect(await localFirst).toBe(2);
		const localSecond = tallyOf(onSecond.socket, id);
		expect(await vote(second, id)).toMatchObject({ ok: true, voteCount: 3 });
		expect(await localSecond).toBe(3);
		expect(first.output()).toMatch(/Redis unavailable/);

		redis = await startRedis(redisPort);
		for (const app of [first, second]) await waitForRedis(app);
		// Across instances again, with exact counts (read from the database).
		const across = tallyOf(onSecond.socket, id, 3000);
		expect(await vote(first, id)).toMatchObject({ ok: true, voteCount: 4 });
		expect(await across).toBe(4);
		const questionSeen = new Promise<string | null>((resolve) =>
			onFirst.socket.once('question:changed', ({ question }) => resolve(question.text))
		);
		const fromSecond = await onSecond.socket
			.timeout(5000)
			.emitWithAck('question:ask', { text: 'And after it came back?', anonymous: true });
		expect(fromSecond.ok).toBe(true);
		expect(await questionSeen).toContain('came back');
	});
});
