import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSessionToken } from '$lib/server/auth/session';
import { Client, startAppOn, type RunningApp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import {
	attendeeClient,
	joinLive,
	liveMeetingOnApp,
	participantCookie,
	type LiveClient,
	type MeetingPath
} from '../fixtures/live-app';

/** A cookie that looks like a participant token but that this server never issued. */
const forged = () => {
	const minute = Math.floor(Date.now() / 60_000).toString(36);
	return `participant=${generateSessionToken()}.${minute}.${generateSessionToken().slice(0, 26)}`;
};

/**
 * One vote per person that no script can multiply (issue 13, section 2): a participant is a token
 * the server issued, a signed-in person is their account, and an identity is never made for a
 * request or a connection that acts.
 */
describe.each(databaseKinds)('participants the server issued [%s]', (kind) => {
	let app: RunningApp;
	let path: MeetingPath;
	let admin: Client;
	const sockets: LiveClient[] = [];

	beforeAll(async () => {
		app = await startAppOn(kind, { PARTICIPANTS_PER_CLIENT_HOUR: '3000' });
		({ admin, path } = await liveMeetingOnApp(app, `participants-${kind}`));
	});

	afterAll(async () => {
		for (const socket of sockets) socket.disconnect();
		await app?.stop();
	});

	const questionsPath = () => `/api/v1/groups/${path.group}/meetings/${path.meeting}/questions`;
	const votePath = (id: string) => `/api/v1/groups/${path.group}/questions/${id}/vote`;

	async function newQuestion(text: string) {
		const asker = await attendeeClient(app.url, path);
		const asked = await asker.post(questionsPath(), { text, anonymous: true });
		expect(asked.status).toBe(201);
		return asked.json.id as string;
	}

	async function votesOf(id: string) {
		const list = await new Client(app.url).get(questionsPath());
		return (list.json.items as { id: string; votes: number }[]).find((q) => q.id === id)?.votes;
	}

	it('counts none of 1,000 votes sent with forged participant cookies', async () => {
		const id = await newQuestion('Who decides which custody records are checked abroad?');
		const refused = await Promise.all(
			Array.from({ length: 1000 }, async () => {
				const client = new Client(app.url);
				const answer = await client.post(votePath(id), { up: true }, { cookie: forged() });
				return answer.status === 403 && answer.json.error.code === 'not_allowed';
			})
		);
		expect(refused.filter(Boolean)).toHaveLength(1000);
		// and over sockets, which never make an identity of their own
		const acks = await Promise.all(
			Array.from({ length: 20 }, async () => {
				const { socket } = await joinLive(app.url, path, sockets, forged());
				return socket.timeout(5000).emitWithAck('question:vote', { questionId: id, up: true });
			})
		);
		expect(acks.every((a) => !a.ok && a.error.code === 'not_allowed')).toBe(true);
		expect(await votesOf(id)).toBe(0);
	});

	it('refuses votes from 200 cookie-less connections, and they may still watch', async () => {
		const id = await newQuestion('Are interpreters present when the checks are explained?');
		const acks = await Promise.all(
			Array.from({ length: 200 }, async () => {
				const { socket, snapshot } = await joinLive(app.url, path, sockets, '');
				expect(snapshot.questions.some((q: { id: string }) => q.id === id)).toBe(true);
				return socket.timeout(10_000).emitWithAck('question:vote', { questionId: id, up: true });
			})
		);
		expect(acks.filter((a) => a.ok)).toEqual([]);
		expect(acks[0]).toMatchObject({ ok: false, error: { message: /Reload the page/ } });
		for (const socket of sockets.splice(0)) socket.disconnect();
		expect(await votesOf(id)).toBe(0);
	});

	it('issues an identity to a cookie-less request but lets it act only from the next one', async () => {
		const id = await newQuestion('How many people were held longer than 24 hours?');
		const clients = Array.from({ length: 20 }, () => new Client(app.url));
		for (const client of clients) {
			const first = await client.post(votePath(id), { up: true });
			expect(first.status).toBe(403);
			expect(client.cookies.get('participant')).toMatch(/^[a-z2-7]{32}\.[0-9a-z]+\.[a-z2-7]{26}$/);
		}
		expect(await votesOf(id)).toBe(0);
		// Each browser that comes back with its token votes once, however often it sends.
		for (const client of clients.slice(0, 3)) {
			for (let i = 0; i < 3; i++)
				expect((await client.post(votePath(id), { up: true })).status).toBe(200);
		}
		expect(await votesOf(id)).toBe(3);
		// Questions too: a cookie-less ask is refused, not counted against anyone's limit.
		const asked = await new Client(app.url).post(questionsPath(), {
			text: 'x'.repeat(20),
			anonymous: true
		});
		expect(asked.status).toBe(403);
	});

	it('counts one vote per account across 10 connections and browsers', async () => {
		const id = await newQuestion('Will the Service publish the number of referrals each month?');
		const { cookies } = admin; // signed in: the account, not the browser, votes
		const session = `session=${cookies.get('session')}`;
		const acks = await Promise.all(
			Array.from({ length: 10 }, async () => {
				const browser = await participantCookie(app.url, path); // each a browser of its own
				const { socket } = await joinLive(app.url, path, sockets, `${session}; ${browser}`);
				return socket.timeout(5000).emitWithAck('question:vote', { questionId: id, up: true });
			})
		);
		expect(acks.every((a) => a.ok)).toBe(true);
		expect(await votesOf(id)).toBe(1);
		// The JSON API is the same account.
		expect((await admin.post(votePath(id), { up: true })).json.voteCount).toBe(1);
	});

	/**
	 * The room code through the API door (issue 13, section 1): guessing is limited per participant
	 * and, counting wrong codes only, per client address — so a whole hall on one address gets in.
	 */
	describe('room-code guessing through the API', () => {
		let path: MeetingPath;
		let admin: Client;

		beforeAll(async () => {
			({ admin, path } = await liveMeetingOnApp(app, `guessing-${kind}`, 'room_code'));
		});

		const admissionPath = () => `/api/v1/groups/${path.group}/meetings/${path.meeting}/admission`;
		const askPath = () => `/api/v1/groups/${path.group}/meetings/${path.meeting}/questions`;
		const roomCode = async () =>
			(await admin.get(`/api/v1/groups/${path.group}/meetings/${path.meeting}/room-code`)).json
				.roomCode as string;
		const guess = (n: number) => `WRONG${String(n).padStart(3, '0')}`.slice(0, 8);

		it('lets a participant try ten codes, then refuses even the right one', async () => {
			const code = await roomCode();
			const guesser = await attendeeClient(app.url, path);
			const statuses: number[] = [];
			for (let i = 0; i < 11; i++) {
				statuses.push((await guesser.post(admissionPath(), { code: guess(i) })).status);
			}
			expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
			expect(statuses[10]).toBe(429);
			const right = await guesser.post(admissionPath(), { code });
			expect(right.status).toBe(429);
			expect(right.json.error.code).toBe('rate_limited');
			// Not admitted: asking is refused.
			expect(
				(await guesser.post(askPath(), { text: 'May I ask now, please?', anonymous: true })).status
			).toBe(403);
		});

		it('admits a hall of 320 on one address, and refuses everyone there once 300 wrong codes were spent', async () => {
			const code = await roomCode();
			const hall = await Promise.all(
				Array.from({ length: 320 }, () => attendeeClient(app.url, path))
			);
			const admitted = await Promise.all(
				hall.map((client) => client.post(admissionPath(), { code }))
			);
			expect(admitted.filter((a) => a.status === 200)).toHaveLength(320);
			const asked = await hall[0].post(askPath(), {
				text: 'Will the checks stop at the station?',
				anonymous: true
			});
			expect(asked.status).toBe(201);

			// A script on the same address spreads its guesses over fresh participants (nine each).
			// The first test spent ten; 290 more exhaust the address.
			const guessers = await Promise.all(
				Array.from({ length: 33 }, () => attendeeClient(app.url, path))
			);
			let n = 100;
			const wrong = await Promise.all(
				guessers.flatMap((client, i) =>
					Array.from({ length: i < 32 ? 9 : 2 }, () =>
						client.post(admissionPath(), { code: guess(n++) })
					)
				)
			);
			expect(wrong.every((w) => w.status === 400)).toBe(true);
			expect(wrong).toHaveLength(290);
			const late = await attendeeClient(app.url, path);
			const refused = await late.post(admissionPath(), { code });
			expect(refused.status).toBe(429);
			expect(refused.json.error.code).toBe('rate_limited');
			// Those already admitted stay admitted.
			const again = await hall[1].post(askPath(), {
				text: 'Who reviews the checks each month?',
				anonymous: true
			});
			expect(again.status).toBe(201);
		}, 120_000);
	});
});

describe('issuing participants is limited per client address [pglite]', () => {
	let app: RunningApp;

	beforeAll(async () => {
		app = await startAppOn('pglite', { PARTICIPANTS_PER_CLIENT_HOUR: '5' });
	});

	afterAll(async () => {
		await app?.stop();
	});

	it('stops issuing past the hourly allowance, and the page still shows', async () => {
		const { path } = await liveMeetingOnApp(app, 'issue-limit');
		const live = `${app.url}/g/${path.group}/meetings/${path.meeting}/live`;
		const issued: boolean[] = [];
		for (let i = 0; i < 8; i++) {
			const response = await fetch(live);
			expect(response.status).toBe(200);
			issued.push(response.headers.getSetCookie().some((c) => c.startsWith('participant=')));
		}
		// liveMeetingOnApp's requests made no participant; the first five page loads did.
		expect(issued).toEqual([true, true, true, true, true, false, false, false]);
	});
});
