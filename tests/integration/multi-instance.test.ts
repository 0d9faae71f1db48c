import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveMotion, LiveQuestion, LiveSpeaker, LiveSpeakers } from '$lib/realtime/live-types';
import { Client, confirmAccount, type RunningApp } from '../fixtures/app';
import { joinLive, type LiveClient } from '../fixtures/live-app';
import { startTwoInstances, type TwoInstances } from '../fixtures/two-instances';

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;

/**
 * Two app processes on one PostgreSQL database, sharing broadcasts through Redis: one meeting
 * across instances, as behind a load balancer. Runs when DATABASE_URL and REDIS_URL are set
 * (CI sets both; without them there is no second instance to share with).
 */
describe.runIf(databaseUrl && redisUrl)('two instances behind Redis', () => {
	let instances: TwoInstances | undefined;
	let first: RunningApp;
	let second: RunningApp;
	const sockets: LiveClient[] = [];
	let path = { group: '', meeting: 0 };

	beforeAll(async () => {
		instances = await startTwoInstances(databaseUrl!, redisUrl!, 'multi');
		({ first, second, path } = instances);
	});

	afterAll(async () => {
		for (const socket of sockets) socket.disconnect();
		await instances?.stop();
	});

	const join = (app: RunningApp, cookie?: string) => joinLive(app.url, path, sockets, cookie);

	it('carries a question and exact vote tallies from one instance to clients of the other', async () => {
		const onFirst = await join(first);
		const onSecond = await join(second);
		const seen = new Promise<{ seq: number; question: { id: string; text: string | null } }>(
			(resolve) => onSecond.socket.once('question:changed', resolve)
		);
		const asked = await onFirst.socket.timeout(5000).emitWithAck('question:ask', {
			text: 'Does a question asked on one instance reach the other?',
			anonymous: true
		});
		expect(asked.ok).toBe(true);
		const changed = await seen;
		expect(changed.question.text).toContain('reach the other');
		expect(changed.seq).toBe(onSecond.snapshot.seq + 1);

		const tallies: Record<string, number>[] = [];
		onSecond.socket.on('tally', ({ counts }) => tallies.push(counts));
		const voters = await Promise.all(
			Array.from({ length: 10 }, (_, i) => join(i % 2 ? first : second))
		);
		const acks = await Promise.all(
			voters.map(({ socket }) =>
				socket
					.timeout(5000)
					.emitWithAck('question:vote', { questionId: changed.question.id, up: true })
			)
		);
		expect(acks.every((a) => a.ok)).toBe(true);
		await new Promise((r) => setTimeout(r, 500));
		expect(tallies.at(-1)?.[changed.question.id]).toBe(10);
	});

	it('sends one tally per window for the meeting, whichever instance took each vote', async () => {
		const observer = await join(second);
		const asked = await observer.socket.timeout(5000).emitWithAck('question:ask', {
			text: 'Is the tally window shared by the instances?',
			anonymous: true
		});
		if (!asked.ok) throw new Error(asked.error.message);
		const questionId = asked.question.id;
		const keys = `openfloor:tally:${observer.snapshot.meeting.id}`;
		const redis = createClient({ url: redisUrl });
		await redis.connect();
		try {
			// Another instance has opened the meeting's window (and, say, stopped before sending it).
			await redis.set(`${keys}:window`, '1', { expiration: { type: 'PX', value: 600 } });
			const tallies: Record<string, number>[] = [];
			observer.socket.on('tally', ({ counts }) => tallies.push(counts));
			const vote = async (app: RunningApp) => {
				const { socket } = await join(app);
				const ack = await socket
					.timeout(5000)
					.emitWithAck('question:vote', { questionId, up: true });
				expect(ack.ok).toBe(true);
			};
			await vote(first);
			await vote(second);
			await new Promise((r) => setTimeout(r, 200));
			// Neither instance sent a tally of its own: the questions wait in the meeting's window.
			expect(tallies).toEqual([]);
			expect(await redis.sMembers(`${keys}:questions`)).toEqual([questionId]);
			// Were the window's instance gone for good, its questions would not stay in Redis forever.
			expect(await redis.ttl(`${keys}:questions`)).toBeGreaterThan(0);
			while ((await redis.exists(`${keys}:window`)) === 1) {
				await new Promise((r) => setTimeout(r, 50));
			}
			// The next vote opens a new window, whose one tally carries every vote collected.
			await vote(first);
			await new Promise((r) => setTimeout(r, 400));
			expect(tallies).toEqual([{ [questionId]: 3 }]);
			expect(await redis.exists(`${keys}:questions`)).toBe(0);
		} finally {
			redis.destroy();
		}
	});

	it('closes a session’s connections on the other instance when it signs out or changes its password', async () => {
		const password = 'two instances passphrase';
		const signUp = async (email: string) => {
			const client = new Client(first.url);
			const made = await client.post('/api/v1/users', { email, password, displayName: 'Pat' });
			expect(made.status).toBe(201);
			return client;
		};
		const whoami = (socket: LiveClient) => socket.timeout(5000).emitWithAck('session:whoami', {});
		const cookieOf = (client: Client) => `session=${client.cookies.get('session')}`;
		const closed = (socket: LiveClient) =>
			new Promise<number>((resolve) => {
				const from = Date.now();
				socket.once('disconnect', () => resolve(Date.now() - from));
			});

		// Signing out on the first instance closes the connection held on the second.
		const pat = await signUp('pat@multi.test');
		const patCookie = cookieOf(pat);
		const { socket } = await joinLive(second.url, path, sockets, patCookie);
		expect(await whoami(socket)).toMatchObject({ ok: true, user: { displayName: 'Pat' } });
		const closing = closed(socket);
		expect((await pat.delete('/api/v1/session')).status).toBe(204);
		expect(await closing).toBeLessThan(1000);
		const stale = await joinLive(second.url, path, sockets, patCookie);
		expect(await whoami(stale.socket)).toMatchObject({ ok: true, user: null });

		// A password changed on the first instance closes every connection of the account there
		// and on the second; the old cookie then names nobody.
		const sam = await signUp('sam@multi.test');
		const oldCookie = cookieOf(sam);
		const onSecond = await joinLive(second.url, path, sockets, oldCookie);
		const onFirst = await joinLive(first.url, path, sockets, oldCookie);
		const both = Promise.all([closed(onSecond.socket), closed(onFirst.socket)]);
		const changed = await fetch(`${first.url}/account?/password`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: first.url,
				cookie: oldCookie
			},
			body: new URLSearchParams({ currentPassword: password, newPassword: `${password} 2` })
		});
		expect(changed.status).toBe(200);
		expect(Math.max(...(await both))).toBeLessThan(1000);
		const again = await joinLive(second.url, path, sockets, oldCookie);
		expect(await whoami(again.socket)).toMatchObject({ ok: true, user: null });
	});

	it('lets a client that reconnects to the other instance converge from a snapshot', async () => {
		const before = await join(first);
		const question = before.snapshot.questions[0];
		before.socket.disconnect();
		const after = await join(second);
		expect(after.snapshot.seq).toBeGreaterThanOrEqual(before.snapshot.seq);
		expect(after.snapshot.questions.find((q: LiveQuestion) => q.id === question.id)?.votes).toBe(
			question.votes
		);
	});
	it('carries questions, votes and tallies between long-polling clients of the two instances', async () => {
		// Long-polling needs every request of a session on one instance (sticky by sid): each
		// client here stays on its own instance, as a load balancer would keep it.
		const onFirst = await joinLive(first.url, path, sockets, undefined, 'polling');
		const onSecond = await joinLive(second.url, path, sockets, undefined, 'polling');
		const seen = new Promise<string>((resolve) =>
			onSecond.socket.once('question:changed', ({ question }) => resolve(question.id))
		);
		const asked = await onFirst.socket.timeout(5000).emitWithAck('question:ask', {
			text: 'Does long-polling work across instances?',
			anonymous: true
		});
		if (!asked.ok) throw new Error(asked.error.message);
		const id = await seen;
		expect(id).toBe(asked.question.id);
		const tally = new Promise<number>((resolve) =>
			onFirst.socket.on('tally', ({ counts }) => id in counts && resolve(counts[id]))
		);
		const vote = await onSecond.socket
			.timeout(5000)
			.emitWithAck('question:vote', { questionId: id, up: true });
		expect(vote).toMatchObject({ ok: true, voteCount: 1 });
		expect(await tally).toBe(1);
	});
	it('carries a motion vote cast over the socket on one instance to the live pages of the other', async () => {
		const { admin } = instances!;
		const api = `/api/v1/groups/${path.group}`;
		const representative = new Client(first.url);
		const email = 'motion-representative@multi.test';
		const signup = await representative.post('/api/v1/users', {
			email,
			password: 'motion representative passphrase',
			displayName: 'Motion Representative'
		});
		expect(signup.status, signup.text).toBe(201);
		await confirmAccount(first, representative, email);
		const applied = await representative.post(`${api}/applications`, {
			organisation: {
				name: 'Harbour Law Centre',
				category: 'Legal advice',
				area: 'Harbour',
				description: 'Advice.'
			},
			contact: { name: 'Motion Representative', email },
			statement: 'We advise people held in custody.'
		});
		expect(applied.status, applied.text).toBe(201);
		const decided = await admin.post(`${api}/applications/${applied.json.id}/decision`, {
			outcome: 'accepted'
		});
		expect(decided.status).toBe(200);
		const motions = `${api}/meetings/${path.meeting}/motions`;
		const proposed = await representative.post(motions, { text: 'That the figures be published.' });
		expect(proposed.status, proposed.text).toBe(201);
		const number = proposed.json.number as number;
		for (const state of ['scheduled', 'voting']) {
			expect((await admin.request('PATCH', `${motions}/${number}`, { state })).status).toBe(200);
		}

		const watcher = await join(second);
		const cookie = [...representative.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const voter = await join(first, cookie);
		const seen = new Promise<LiveMotion>((resolve) =>
			watcher.socket.on('motion:changed', ({ motion }) => {
				if (motion.totals?.against === 1) resolve(motion);
			})
		);
		const reply = await voter.socket
			.timeout(5000)
			.emitWithAck('motion:vote', { motion: number, vote: 'against' });
		if (!reply.ok) throw new Error(reply.error.message);
		expect(reply.motion).toMatchObject({
			state: 'voting',
			totals: { for: 0, against: 1, abstain: 0 }
		});
		expect(await seen).toMatchObject({
			number,
			totals: { for: 0, against: 1, abstain: 0 },
			votes: null
		});

		// Bad input and the wrong people get clear refusals, never a vote.
		const bad = await voter.socket
			.timeout(5000)
			.emitWithAck('motion:vote', { motion: number, vote: 'maybe' as 'for' });
		expect(bad).toMatchObject({
			ok: false,
			error: { code: 'invalid', fields: { vote: expect.any(String) } }
		});
		const attendee = await join(second);
		const refused = await attendee.socket
			.timeout(5000)
			.emitWithAck('motion:vote', { motion: number, vote: 'for' });
		expect(refused).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });

		expect(
			(await admin.request('PATCH', `${motions}/${number}`, { state: 'decided' })).status
		).toBe(200);
		const late = await voter.socket
			.timeout(5000)
			.emitWithAck('motion:vote', { motion: number, vote: 'for' });
		expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
	});

	it('carries the speakers list from one instance to the other: ask, floor, refusals', async () => {
		const { admin } = instances!;
		const speaker = new Client(first.url);
		const email = 'speaker-attendee@multi.test';
		const signup = await speaker.post('/api/v1/users', {
			email,
			password: 'speaker attendee passphrase',
			displayName: 'Speaking Attendee'
		});
		expect(signup.status, signup.text).toBe(201);
		await confirmAccount(first, speaker, email);
		const cookieOf = (client: Client) =>
			[...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

		const watcher = await join(second);
		const asker = await join(first, cookieOf(speaker));
		const chair = await join(second, cookieOf(admin));
		const heard: { seq: number; speakers: LiveSpeakers }[] = [];
		watcher.socket.on('speakers:changed', (event) => heard.push(event));
		const next = (check: (speakers: LiveSpeakers) => boolean) =>
			new Promise<{ seq: number; speakers: LiveSpeakers }>((resolve) =>
				watcher.socket.on('speakers:changed', (event) => {
					if (check(event.speakers)) resolve(event);
				})
			);

		const listed = next((s) => s.list.some((r) => r.name === 'Speaking Attendee'));
		const asked = await asker.socket.timeout(5000).emitWithAck('speaker:request', {});
		if (!asked.ok) throw new Error(asked.error.message);
		const requestId = asked.requestId;
		expect(asked.speakers.list.find((r: LiveSpeaker) => r.id === requestId)).toMatchObject({
			state: 'waiting',
			name: 'Speaking Attendee',
			organisation: null
		});
		const first_ = await listed;
		expect(JSON.stringify(first_.speakers)).not.toContain(email);

		// Refusals: no account, not the chair, bad input; nothing is changed by them.
		const anonymous = await watcher.socket.timeout(5000).emitWithAck('speaker:request', {});
		expect(anonymous).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
		const notChair = await asker.socket.timeout(5000).emitWithAck('speaker:floor', { requestId });
		expect(notChair).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
		const badTime = await chair.socket
			.timeout(5000)
			.emitWithAck('speaker:time', { requestId, seconds: 1 });
		expect(badTime).toMatchObject({
			ok: false,
			error: { code: 'invalid', fields: { seconds: expect.any(String) } }
		});

		const speaking = next((s) => s.list.some((r) => r.id === requestId && r.state === 'speaking'));
		const floor = await chair.socket.timeout(5000).emitWithAck('speaker:floor', { requestId });
		if (!floor.ok) throw new Error(floor.error.message);
		const given = await speaking;
		expect(given.seq).toBe(first_.seq + 1);
		expect(given.speakers.list.find((r) => r.id === requestId)?.startedAt).toEqual(
			expect.any(String)
		);
		const again = await chair.socket.timeout(5000).emitWithAck('speaker:floor', { requestId });
		expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
		const ended = await chair.socket.timeout(5000).emitWithAck('speaker:end', {});
		expect(ended.ok).toBe(true);
		// A rejoin's snapshot carries the list as it now is.
		const late = await join(first);
		expect(late.snapshot.speakers.list.find((r: LiveSpeaker) => r.id === requestId)?.state).toBe(
			'spoke'
		);
		expect(heard.map((h) => h.seq)).toEqual(heard.map((_, i) => heard[0].seq + i));
	});
});
