import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase, startApp, type RunningApp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import {
	Follower,
	joinLive,
	liveMeetingOnApp,
	truth,
	type LiveClient,
	type MeetingPath
} from '../fixtures/live-app';

/**
 * The app restarted in the middle of a meeting (a deploy, a crash and restart): its clients
 * reconnect and converge to exactly the state of the database, `seq` carries on, and a client
 * that was away while things changed resyncs from a snapshot. And a shutdown under load drains
 * the events it has taken: no query fails beneath them.
 */
for (const kind of databaseKinds) {
	describe(`a live meeting across an app restart [${kind}]`, () => {
		let app: RunningApp;
		let env: Record<string, string> = {};
		let drop: (() => Promise<void>) | undefined;
		let path: MeetingPath;
		const sockets: LiveClient[] = [];
		const followers: Follower[] = [];

		beforeAll(async () => {
			if (kind === 'postgres') {
				const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'openfloor_app');
				drop = scratch.drop;
				env = { DATABASE_URL: scratch.url };
			}
			app = await startApp({ env });
			path = (await liveMeetingOnApp(app, `restart-${kind}`)).path;
		});

		afterAll(async () => {
			for (const socket of sockets) socket.disconnect();
			for (const f of followers) f.socket.disconnect();
			await app?.stop();
			await drop?.();
		});

		const ask = async (text: string) => {
			const { socket } = await joinLive(app.url, path, sockets);
			const asked = await socket.timeout(5000).emitWithAck('question:ask', {
				text,
				anonymous: true
			});
			if (!asked.ok) throw new Error(asked.error.message);
			return asked.question.id;
		};
		/** `n` new participants vote for the question (each its own connection). */
		const vote = async (questionId: string, n: number) => {
			const voters = await Promise.all(
				Array.from({ length: n }, () => joinLive(app.url, path, sockets))
			);
			const acks = await Promise.all(
				voters.map(({ socket }) =>
					socket.timeout(5000).emitWithAck('question:vote', { questionId, up: true })
				)
			);
			expect(acks.every((a) => a.ok)).toBe(true);
		};
		const converged = async (follower: Follower) => {
			const expected = await truth(app.url, path);
			await follower.until(
				(f) =>
					f.seq === expected.seq &&
					[...expected.votes].every(([id, n]) => f.votes.get(id) === n) &&
					f.votes.size === expected.votes.size
			);
		};

		it('reconnects its clients, which converge exactly; seq continues; a client that missed events resyncs', async () => {
			const first = await ask('Asked before the restart?');
			const staying = new Follower(app.url, path);
			const away = new Follower(app.url, path);
			followers.push(staying, away);
			await vote(first, 12);
			await converged(staying);
			await converged(away);
			const seqBefore = staying.seq;

			const code = await app.stop();
			expect(code).toBe(0);
			app = await startApp({ env, dataDir: app.dataDir, port: app.port });
			// The followers reconnect by themselves and rejoin; one is then kept away.
			await staying.until((f) => f.socket.connected && f.joins >= 2);
			await away.until((f) => f.socket.connected && f.joins >= 2);
			away.socket.disconnect();

			const second = await ask('Asked after the restart?');
			await vote(first, 5);
			await vote(second, 3);
			await converged(staying);
			expect(staying.seq).toBe(seqBefore + 1); // the question asked after the restart
			expect(staying.votes.get(first)).toBe(17);
			expect(staying.votes.get(second)).toBe(3);

			// Back after missing the question and the votes: its snapshot has them all.
			away.socket.connect();
			await converged(away);
			expect(away.votes.get(first)).toBe(17);
			expect(away.seq).toBe(staying.seq);
		});

		// R2 (issue 16, docs/reliability.md): the connection drops (a phone in a lift, Wi-Fi that
		// stalls), not a goodbye; things happen meanwhile. Back, it catches up, never stepping back.
		it('R2: a client cut off for 5 s catches up in order', async () => {
			const question = await ask('Asked before the cut?');
			const cut = new Follower(app.url, path);
			followers.push(cut);
			await converged(cut);
			const seen: number[] = [];
			cut.socket.on('question:changed', ({ seq }) => seen.push(seq));
			cut.socket.io.reconnection(false);
			cut.socket.io.engine.close(); // the transport goes; the client did not say goodbye
			await cut.until((f) => !f.socket.connected);

			const meanwhile = await ask('Asked while it was away?');
			await vote(question, 4);
			await vote(meanwhile, 2);
			await new Promise((r) => setTimeout(r, 5000));

			const back = Date.now();
			cut.socket.io.reconnection(true);
			cut.socket.connect();
			await converged(cut);
			const caughtUp = Date.now() - back;
			expect(cut.votes.get(meanwhile)).toBe(2);
			// In order: whatever it was sent after the cut came in rising `seq`, never one it had.
			expect(seen).toEqual([...seen].sort((a, b) => a - b));
			console.log(`R2 [${kind}]: caught up ${caughtUp} ms after reconnecting`);
		});

		it('drains the events it has taken when stopped under load: no failed query is logged', async () => {
			const questionId = await ask('Voted on while the app stops?');
			const voters = await Promise.all(
				Array.from({ length: 60 }, () => joinLive(app.url, path, sockets))
			);
			const before = app.output().length;
			// Each voter votes and takes it back twenty times, without waiting: a backlog builds up.
			for (let i = 0; i < 20; i++) {
				for (const { socket } of voters) {
					socket.emit('question:vote', { questionId, up: i % 2 === 0 }, () => {});
				}
			}
			await new Promise((r) => setTimeout(r, 30));
			expect(await app.stop()).toBe(0);
			const log = app.output().slice(before);
			expect(log).not.toMatch(/unexpected error|failed|closed/i);
			app = await startApp({ env, dataDir: app.dataDir, port: app.port });
		});
	});
}
