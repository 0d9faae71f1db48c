import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabase, type DatabaseHandle } from '$lib/server/db';
import { attachRealtime, closeRealtime } from '$lib/server/realtime/attach';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import { freshPglite } from '../fixtures/databases';
import { makeUser } from '../fixtures/factories';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

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
		const io = new Server(httpServer);
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

	it('lets attendees without an account connect', async () => {
		const client = open({ origin });
		await connected(client);
		const reply = await client.timeout(5000).emitWithAck('session:whoami', {});
		expect(reply).toEqual({ ok: true, user: null });
	});

	it('refuses a browser connecting from another site', async () => {
		const client = open({ origin: 'https://evil.example' });
		await expect(connected(client)).rejects.toThrow('foreign_origin');
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
