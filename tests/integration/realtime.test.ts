import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, Manager, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabase, type DatabaseHandle } from '$lib/server/db';
import { attachRealtime, closeRealtime } from '$lib/server/realtime/attach';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	sessionIdOf,
	absoluteLifetime
} from '$lib/server/auth/session';
import { changePassword } from '$lib/server/auth/accounts';
import { issueParticipantToken } from '$lib/server/questions/participant';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import type { LiveQuestion } from '$lib/realtime/live-types';
import { databaseKinds, freshPglite, openFresh } from '../fixtures/databases';
import { actorOf, makeUser, testPassword } from '../fixtures/factories';
import { changeMeetingState } from '$lib/server/meetings/meetings';
import { endAppointment, listOfficers } from '$lib/server/groups/officers';
import { closeEndedTerms } from '$lib/server/groups/terms';
import { groupRoles, sessions } from '$lib/server/db/schema';
import { and, eq } from 'drizzle-orm';
import { liveMeeting } from '../fixtures/live';
import { joinLive } from '../fixtures/live-app';
import { socketOptions } from '../../server/socket-options.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const newParticipant = () => `participant=${issueParticipantToken()}`;

describe('socket.io namespace /live on a real server', () => {
	let handle: DatabaseHandle;
	let httpServer: http.Server;
	let base: string;
	const origin = 'http://openfloor.test';
	const clients: Client[] = [];

	beforeAll(async () => {
		handle = await freshPglite();
		setDatabase(Promise.resolve(handle));
		httpServer = http.createServer();
		const io = new Server(httpServer, socketOptions);
		await attachRealtime(io, { origin, redisUrl: undefined });
		await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		for (const client of clients) client.disconnect();
		await closeRealtime();
		await handle.close();
	});

	function open(headers: Record<string, string> = {}): Client {
		const client: Client = connect(`${base}/live`, {
			transports: ['websocket'],
			extraHeaders: headers,
			reconnection: false,
			forceNew: true
		});
		clients.push(client);
		return client;
	}

	const connected = (client: Client) =>
		new Promise<void>((resolve, reject) => {
			client.once('connect', () => resolve());
			client.once('connect_error', reject);
		});

	it('reads the session from the same cookie as the pages', async () => {
		const user = await makeUser(handle.db, { displayName: 'Ama Mensah' });
		const token = generateSessionToken();
		await createSession(handle.db, token, user.id);
		const client = open({ cookie: `lang=en; session=${token}`, origin });
		await connected(client);
		const reply = await client.timeout(5000).emitWithAck('session:whoami', {});
		expect(reply).toEqual({ ok: true, user: { displayName: 'Ama Mensah', isSiteAdmin: false } });
	});

	it('identifies a socket that joins again over the same connection as the first time', async () => {
		const user = await makeUser(handle.db, { displayName: 'Kofi Boateng' });
		const token = generateSessionToken();
		await createSession(handle.db, token, user.id);
		const manager = new Manager(base, {
			transports: ['websocket'],
			extraHeaders: { cookie: `session=${token}`, origin },
			reconnection: false
		});
		// The main namespace keeps the transport open while /live leaves and comes back.
		const main = manager.socket('/') as unknown as Client;
		const live = manager.socket('/live') as Client;
		clients.push(main, live);
		await Promise.all([connected(main), connected(live)]);
		live.disconnect();
		// (socket.io closes the transport if the server sees the new connect before the leave)
		await new Promise((r) => setTimeout(r, 100));
		live.connect();
		await connected(live);
		const reply = await live.timeout(5000).emitWithAck('session:whoami', {});
		expect(reply).toEqual({ ok: true, user: { displayName: 'Kofi Boateng', isSiteAdmin: false } });
	});

	it('lets attendees without an account connect', async () => {
		const client = open({ origin });
		await connected(client);
		const reply = await client.timeout(5000).emitWithAck('session:whoami', {});
		expect(reply).toEqual({ ok: true, user: null });
	});

	it('refuses a browser connecting from another site, over either transport', async () => {
		// Refused by engine.io before any namespace: the client sees its transport fail.
		const client = open({ origin: 'https://evil.example' });
		await expect(connected(client)).rejects.toThrow('websocket error');
		const polling = connect(`${base}/live`, {
			transports: ['polling'],
			extraHeaders: { origin: 'https://evil.example' },
			reconnection: false,
			forceNew: true
		}) as Client;
		clients.push(polling);
		await expect(connected(polling)).rejects.toThrow('xhr poll error');
	});

	it('answers a malformed payload with an error ack and keeps the connection', async () => {
		const client = open({ origin, 'accept-language': 'ar' });
		await connected(client);
		const reply = await client
			.timeout(5000)
			.emitWithAck('session:whoami', 'not an object' as unknown as Record<string, never>);
		expect(reply.ok).toBe(false);
		if (!reply.ok) {
			expect(reply.error.code).toBe('invalid');
			expect(reply.error.message).toMatch(/[\u0600-\u06FF]/); // in the client's language
		}
		expect(client.connected).toBe(true);
		expect((await client.timeout(5000).emitWithAck('session:whoami', {})).ok).toBe(true);
	});
});

// On each database: the domain's statements (votes, the rule checked inside them, appointments
// ending) differ enough between PGlite and PostgreSQL to be worth running both through sockets.
for (const kind of databaseKinds)
	describe(`live meetings over socket.io [${kind}]`, () => {
		let handle: DatabaseHandle;
		let httpServer: http.Server;
		let base: string;
		const clients: Client[] = [];

		beforeAll(async () => {
			handle = await openFresh(kind);
			setDatabase(Promise.resolve(handle));
			httpServer = http.createServer();
			const io = new Server(httpServer, socketOptions);
			(globalThis as { openfloorSocketServer?: Server }).openfloorSocketServer = io;
			await attachRealtime(io, { origin: undefined, redisUrl: undefined });
			await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
			base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
		});

		afterAll(async () => {
			for (const client of clients) client.disconnect();
			await closeRealtime();
			delete (globalThis as { openfloorSocketServer?: Server }).openfloorSocketServer;
			await handle.close();
		});

		// Each attendee's browser got its participant token from this server (the pages issue them).
		async function join(group: string, meeting: number, cookie = newParticipant()) {
			const { socket, snapshot } = await joinLive(base, { group, meeting }, clients, cookie);
			return { client: socket, snapshot };
		}

		const next = <E extends 'question:changed' | 'tally' | 'meeting:changed'>(
			client: Client,
			event: E
		) =>
			new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve) =>
				client.once(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) =>
					resolve(payload)) as never)
			);

		it('broadcasts questions with rising sequence numbers and coalesced exact tallies', async () => {
			const live = await liveMeeting(handle.db);
			const chairToken = generateSessionToken();
			await createSession(handle.db, chairToken, live.chair.id);
			const asker = await join(live.group.slug, live.meeting.number, newParticipant());
			const watcher = await join(live.group.slug, live.meeting.number);
			const chair = await join(live.group.slug, live.meeting.number, `session=${chairToken}`);
			expect(watcher.snapshot.seq).toBe(asker.snapshot.seq);
			expect(chair.snapshot.viewer.canModerate).toBe(true);
			expect(watcher.snapshot.viewer.canModerate).toBe(false);

			const seen = next(watcher.client, 'question:changed');
			const asked = await asker.client.timeout(5000).emitWithAck('question:ask', {
				text: 'How long are people held while checks are done?',
				anonymous: true
			});
			expect(asked.ok).toBe(true);
			const changed = await seen;
			expect(changed.seq).toBe(watcher.snapshot.seq + 1);
			expect(changed.question.text).toContain('How long');
			expect(changed.question.askerName).toBeNull();
			const questionId = changed.question.id;

			// Twenty voters click at once (each twice): one tally carries the exact count.
			const voters = await Promise.all(
				Array.from({ length: 20 }, () =>
					join(live.group.slug, live.meeting.number, newParticipant())
				)
			);
			const tallies: Record<string, number>[] = [];
			watcher.client.on('tally', ({ counts }) => tallies.push(counts));
			const acks = await Promise.all(
				voters.flatMap(({ client }) =>
					[1, 2].map(() =>
						client.timeout(5000).emitWithAck('question:vote', { questionId, up: true })
					)
				)
			);
			expect(acks.every((a) => a.ok)).toBe(true);
			await new Promise((r) => setTimeout(r, 300));
			expect(tallies.length).toBeGreaterThan(0);
			expect(tallies.length).toBeLessThan(20); // coalesced, not one per vote
			expect(tallies.at(-1)![questionId]).toBe(20);

			// Moderation reaches everyone with the next seq; an attendee may not moderate.
			const refused = await watcher.client
				.timeout(5000)
				.emitWithAck('question:moderate', { action: 'pin', questionId });
			expect(refused.ok).toBe(false);
			if (!refused.ok) expect(refused.error.code).toBe('not_signed_in');
			const statusSeen = next(watcher.client, 'question:changed');
			const moderated = await chair.client.timeout(5000).emitWithAck('question:moderate', {
				action: 'status',
				questionId,
				status: 'not_answered',
				summary: 'No figure was given.'
			});
			expect(moderated.ok).toBe(true);
			const status = await statusSeen;
			expect(status.seq).toBe(changed.seq + 1);
			expect(status.question.answerStatus).toBe('not_answered');

			// A client that missed events resyncs from a snapshot and gets the same state.
			const late = await join(live.group.slug, live.meeting.number);
			expect(late.snapshot.seq).toBe(status.seq);
			expect(late.snapshot.questions.find((q: LiveQuestion) => q.id === questionId)).toMatchObject({
				votes: 20,
				answerStatus: 'not_answered'
			});
		});

		it('turns an officer whose appointment ends out of the officers’ room of an open socket', async () => {
			const live = await liveMeeting(handle.db);
			const token = generateSessionToken();
			await createSession(handle.db, token, live.secretary.id);
			const secretary = await join(live.group.slug, live.meeting.number, `session=${token}`);
			expect(secretary.snapshot.viewer.canModerate).toBe(true);
			const closed = new Promise<string>((resolve) => secretary.client.once('disconnect', resolve));
			const [appointment] = (await listOfficers(handle.db, live.group.id)).filter(
				(o) => o.userId === live.secretary.id
			);
			await endAppointment(handle.db, actorOf(live.chair), live.group.slug, appointment.id, {
				reason: 'Stood down by the chair.'
			});
			// Every connection of that person closes at once, on every instance...
			expect(await closed).toBe('io server disconnect');
			// ...and joins again as the page does on reconnecting: no longer an officer.
			const again = await join(live.group.slug, live.meeting.number, `session=${token}`);
			expect(again.snapshot.viewer.canModerate).toBe(false);
			const pin = await again.client.timeout(5000).emitWithAck('question:moderate', {
				action: 'unpin'
			});
			expect(pin).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
		});

		it('turns an officer whose term ends by its date out of the officers’ room of an open socket', async () => {
			const live = await liveMeeting(handle.db);
			const token = generateSessionToken();
			await createSession(handle.db, token, live.secretary.id);
			const secretary = await join(live.group.slug, live.meeting.number, `session=${token}`);
			expect(secretary.snapshot.viewer.canModerate).toBe(true);
			const closed = new Promise<string>((resolve) => secretary.client.once('disconnect', resolve));
			// The secretary was appointed for a term that ends in a moment.
			const since = new Date();
			const termEnd = new Date(since.getTime() + 300);
			await handle.db
				.update(groupRoles)
				.set({ endedAt: termEnd, endedHow: 'term' })
				.where(
					and(eq(groupRoles.groupId, live.group.id), eq(groupRoles.userId, live.secretary.id))
				);
			expect(await closeEndedTerms(handle.db, since, since)).toEqual([]);
			await new Promise((r) => setTimeout(r, 400));
			expect(await closeEndedTerms(handle.db, since, new Date())).toEqual([live.secretary.id]);
			expect(await closed).toBe('io server disconnect');
			const again = await join(live.group.slug, live.meeting.number, `session=${token}`);
			expect(again.snapshot.viewer.canModerate).toBe(false);
			const pin = await again.client.timeout(5000).emitWithAck('question:moderate', {
				action: 'unpin'
			});
			expect(pin).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
			// The next look starts where this one ended: the term's end is told once.
			expect(await closeEndedTerms(handle.db, new Date(), new Date())).toEqual([]);
		});

		it('stops acting for a session whose time ran out while its socket stayed open', async () => {
			const live = await liveMeeting(handle.db);
			const token = generateSessionToken();
			const session = await createSession(handle.db, token, live.chair.id);
			// Signed in almost 90 days ago: the session's absolute lifetime ends in a moment, and
			// using it (joining) cannot renew it past that.
			await handle.db
				.update(sessions)
				.set({ createdAt: new Date(Date.now() - absoluteLifetime + 500) })
				.where(eq(sessions.id, session.id));
			const chair = await join(live.group.slug, live.meeting.number, `session=${token}`);
			expect(chair.snapshot.viewer.canModerate).toBe(true);
			await new Promise((r) => setTimeout(r, 600));
			const closed = new Promise<string>((resolve) => chair.client.once('disconnect', resolve));
			const pin = await chair.client
				.timeout(5000)
				.emitWithAck('question:moderate', { action: 'unpin' });
			expect(pin).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
			expect(await closed).toBe('io server disconnect');
		});

		it('closes the connections of a session that signs out, and of every session when the password changes', async () => {
			const live = await liveMeeting(handle.db);
			const token = generateSessionToken();
			await createSession(handle.db, token, live.chair.id);
			const chair = await join(live.group.slug, live.meeting.number, `session=${token}`);
			const closed = new Promise<string>((resolve) => chair.client.once('disconnect', resolve));
			await invalidateSession(handle.db, sessionIdOf(token)); // what signing out does
			expect(await closed).toBe('io server disconnect');
			const again = await join(live.group.slug, live.meeting.number, `session=${token}`);
			expect(again.snapshot.viewer.canModerate).toBe(false);

			const user = await makeUser(handle.db);
			const tokens = [generateSessionToken(), generateSessionToken()];
			for (const t of tokens) await createSession(handle.db, t, user.id);
			const devices = await Promise.all(
				tokens.map((t) => join(live.group.slug, live.meeting.number, `session=${t}`))
			);
			const allClosed = Promise.all(
				devices.map((d) => new Promise((resolve) => d.client.once('disconnect', resolve)))
			);
			await changePassword(handle.db, actorOf(user), {
				currentPassword: testPassword,
				newPassword: 'a new passphrase, longer'
			});
			expect(await allClosed).toEqual(['io server disconnect', 'io server disconnect']);
			const whoami = await (
				await join(live.group.slug, live.meeting.number, `session=${tokens[0]}`)
			).client
				.timeout(5000)
				.emitWithAck('session:whoami', {});
			expect(whoami).toMatchObject({ ok: true, user: null });
		});

		it('refuses votes once the meeting closes, though the socket keeps its context', async () => {
			const live = await liveMeeting(handle.db);
			const { client } = await join(live.group.slug, live.meeting.number);
			const asked = await client
				.timeout(5000)
				.emitWithAck('question:ask', { text: 'Before closing?', anonymous: true });
			expect(asked.ok).toBe(true);
			if (!asked.ok) return;
			const questionId = asked.question.id;
			const vote = () =>
				client.timeout(5000).emitWithAck('question:vote', { questionId, up: true });
			expect(await vote()).toMatchObject({ ok: true, voteCount: 1 });
			const closedSeen = next(client, 'meeting:changed');
			await changeMeetingState(
				handle.db,
				actorOf(live.chair),
				live.group.slug,
				live.meeting.number,
				{
					state: 'closed'
				}
			);
			expect((await closedSeen).meeting.state).toBe('closed');
			const refused = await vote();
			expect(refused.ok).toBe(false);
			if (!refused.ok) expect(refused.error.code).toBe('conflict');
		});

		it('takes questions and votes in advance, and carries them live when the meeting starts', async () => {
			const advance = await liveMeeting(handle.db, 'open', 'scheduled');
			const asker = await join(advance.group.slug, advance.meeting.number);
			const voter = await join(advance.group.slug, advance.meeting.number);
			expect(asker.snapshot.meeting.state).toBe('scheduled');
			const asked = await asker.client
				.timeout(5000)
				.emitWithAck('question:ask', { text: 'Asked the week before?', anonymous: true });
			expect(asked.ok).toBe(true);
			if (!asked.ok) return;
			const questionId = asked.question.id;
			const vote = (client: Client) =>
				client.timeout(5000).emitWithAck('question:vote', { questionId, up: true });
			expect(await vote(voter.client)).toMatchObject({ ok: true, voteCount: 1 });
			// Starting the meeting reaches the open pages, and the same socket votes on, live.
			const started = next(voter.client, 'meeting:changed');
			await changeMeetingState(
				handle.db,
				actorOf(advance.chair),
				advance.group.slug,
				advance.meeting.number,
				{ state: 'live' }
			);
			expect((await started).meeting.state).toBe('live');
			expect(await vote(asker.client)).toMatchObject({ ok: true, voteCount: 2 });
			const late = await join(advance.group.slug, advance.meeting.number);
			expect(late.snapshot.questions.find((q: LiveQuestion) => q.id === questionId)?.votes).toBe(2);
		});

		it('answers bad requests with an error ack and keeps the connection', async () => {
			const live = await liveMeeting(handle.db);
			const { client } = await join(live.group.slug, live.meeting.number);
			const cases = [
				['question:vote', { questionId: 'not-a-uuid' }, 'invalid'],
				['question:vote', { questionId: crypto.randomUUID() }, 'not_found'],
				['question:ask', { text: 'x'.repeat(10_000), anonymous: true }, 'invalid'],
				['question:ask', 'just a string', 'invalid'],
				['meeting:teleport', {}, 'not_found']
			] as const;
			for (const [event, payload, code] of cases) {
				const reply = await client
					.timeout(5000)
					.emitWithAck(event as 'question:vote', payload as never);
				expect(reply.ok, event).toBe(false);
				if (!reply.ok) expect(reply.error.code, event).toBe(code);
			}
			expect(client.connected).toBe(true);
			// Up to the 64 KB packet limit, an answer and the connection kept; over it, socket.io closes
			// the connection before anything reads the packet (docs/realtime.md says so).
			const large = await client
				.timeout(5000)
				.emitWithAck('question:ask', { text: 'x'.repeat(60_000), anonymous: true });
			expect(large.ok).toBe(false);
			if (!large.ok) expect(large.error.code).toBe('invalid');
			expect(client.connected).toBe(true);
			const unknown = await client
				.timeout(5000)
				.emitWithAck('meeting:join', { group: 'nope', meeting: 1 });
			expect(unknown.ok).toBe(false);
			const closed = new Promise<string>((resolve) => client.once('disconnect', resolve));
			client.emit('question:ask', { text: 'x'.repeat(70_000), anonymous: true }, () => {});
			expect(await closed).toBe('transport close');
		});
	});
