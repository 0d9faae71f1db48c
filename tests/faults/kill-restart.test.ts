import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startApp, startAppOn, type RunningApp, confirmAccount } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import { liveMeetingOnApp, type MeetingPath } from '../fixtures/live-app';
import { verifyChain } from '$lib/server/decision-log/chain';

/**
 * R6 (issue 16, docs/reliability.md): the app killed with SIGKILL while it takes mixed writes
 * (sign-ups, membership applications that append to the decision log, questions, votes), then
 * started again on the same data, `cycles` times. Every write it acknowledged must be there
 * exactly once afterwards, a vote it did not acknowledge may or may not be, and every group's
 * decision log must still verify. On the embedded database this is the durability of PGlite's
 * files under a crash; on PostgreSQL, of the app's transactions.
 */
// 15 in CI (the whole of `.ci/run` must stay under 30 minutes on 2 cores: on the machine of
// 2026-12-06 it took 32 with 50); FAULT_CYCLES=50 or more for a deeper run.
const cycles = Number(process.env.FAULT_CYCLES ?? 15);

/** A seeded PRNG (mulberry32): the same kills at the same moments on every run. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

for (const kind of databaseKinds) {
	describe(`R6: SIGKILL during mixed writes, ${cycles} times [${kind}]`, () => {
		/** The app first started (its stop drops the scratch database) and the one running now. */
		let first: RunningApp;
		let app: RunningApp;
		let path: MeetingPath;
		let chair: Client;
		const next = random(kind === 'pglite' ? 6 : 66);
		const env = {
			// Every writer is a client of its own (X-Forwarded-For), so no per-address limit is reached.
			ADDRESS_HEADER: 'x-forwarded-for',
			PARTICIPANTS_PER_CLIENT_HOUR: '1000000'
		};
		const acked = {
			users: [] as string[],
			applications: [] as string[],
			decisions: new Map<string, 'accepted' | 'refused'>(),
			/** Decided, whatever the answer said (a 409 after a decision whose answer the kill lost). */
			settled: new Set<string>(),
			questions: [] as string[],
			votes: new Map<string, number>()
		};
		/** Votes sent whose answer never came (the kill): each may or may not have been kept. */
		const unanswered = new Map<string, number>();
		let serial = 0;

		beforeAll(async () => {
			first = app = await startAppOn(kind, env);
			({ admin: chair, path } = await liveMeetingOnApp(app, `kill-${kind}`));
		});

		afterAll(async () => {
			await app?.stop();
			if (first !== app) await first?.stop();
		});

		const address = () =>
			`10.${serial % 250}.${Math.floor(serial / 250) % 250}.${(serial % 7) + 1}`;
		const as = (client: Client) => {
			const headers = { 'x-forwarded-for': address() };
			return {
				get: (p: string) => client.get(p, headers),
				post: (p: string, body: unknown) => client.post(p, body, headers)
			};
		};

		/** Signs up, confirms and applies for membership, again and again, until the app dies. */
		async function member(stop: { dead: boolean }) {
			while (!stop.dead) {
				const n = ++serial;
				const email = `member${n}@kill.test`;
				const browser = new Client(app.url);
				const client = as(browser);
				try {
					const signup = await client.post('/api/v1/users', {
						email,
						password: 'kill restart passphrase',
						displayName: `Member ${n}`
					});
					if (signup.status !== 201) continue;
					acked.users.push(email);
					// Applying needs a confirmed address: the operator's link, followed.
					await confirmAccount(app, browser, email);
					const applied = await client.post(`/api/v1/groups/${path.group}/applications`, {
						organisation: {
							name: `Association ${n}`,
							category: 'Refugee community organisation',
							area: 'Riverside',
							description: 'A community organisation.'
						},
						contact: { name: 'Contact', email: `contact${n}@kill.test` },
						statement: 'We want to hold the operation to account.'
					});
					if (applied.status === 201) acked.applications.push(applied.json.id);
				} catch {
					// the connection died with the app
				}
			}
		}

		/** The chair decides applications as they come: each decision appends to the decision log. */
		async function decider(stop: { dead: boolean }) {
			while (!stop.dead) {
				const open = acked.applications.filter((id) => !acked.settled.has(id));
				if (!open.length) {
					await new Promise((r) => setTimeout(r, 20));
					continue;
				}
				const id = open[Math.floor(next() * open.length)];
				const outcome = next() < 0.5 ? 'accepted' : 'refused';
				try {
					const decided = await as(chair).post(
						`/api/v1/groups/${path.group}/applications/${id}/decision`,
						{ outcome, reason: 'The group has considered this application in full.' }
					);
					if (decided.status === 200) acked.decisions.set(id, outcome);
					if (decided.status === 200 || decided.status === 409) acked.settled.add(id);
				} catch {
					// the connection died with the app
				}
			}
		}

		/** A new attendee each time: asks a question, or votes for one already acknowledged. */
		async function attendee(stop: { dead: boolean }) {
			while (!stop.dead) {
				++serial;
				const client = as(new Client(app.url));
				const target = acked.questions.length
					? acked.questions[Math.floor(next() * acked.questions.length)]
					: undefined;
				try {
					await client.get(`/g/${path.group}/meetings/${path.meeting}/live`);
					if (target && next() < 0.7) {
						unanswered.set(target, (unanswered.get(target) ?? 0) + 1);
						const vote = await client.post(
							`/api/v1/groups/${path.group}/questions/${target}/vote`,
							{
								up: true
							}
						);
						unanswered.set(target, unanswered.get(target)! - 1);
						if (vote.status === 200) acked.votes.set(target, (acked.votes.get(target) ?? 0) + 1);
					} else {
						const asked = await client.post(
							`/api/v1/groups/${path.group}/meetings/${path.meeting}/questions`,
							{ text: `Question ${serial}: what is recorded, and where?`, anonymous: true }
						);
						if (asked.status === 201) acked.questions.push(asked.json.id);
					}
				} catch {
					// the connection died with the app
				}
			}
		}

		it('keeps every acknowledged write exactly once, and a log that verifies', async () => {
			for (let cycle = 0; cycle < cycles; cycle++) {
				const stop = { dead: false };
				const writers = [
					member(stop),
					member(stop),
					decider(stop),
					attendee(stop),
					attendee(stop),
					attendee(stop)
				];
				await new Promise((r) => setTimeout(r, 500 + Math.floor(next() * 1500)));
				const exited = new Promise((r) => app.process.once('exit', r));
				app.process.kill('SIGKILL');
				await exited;
				stop.dead = true;
				await Promise.all(writers);
				// Again on the same data (and, on PostgreSQL, the same database), as a supervisor would.
				app = await startApp({ env: app.env, dataDir: app.dataDir, port: app.port });
			}
			// Enough of each kind of write for the check to mean something.
			expect(acked.users.length).toBeGreaterThan(cycles);
			expect(acked.questions.length).toBeGreaterThan(0);
			expect(acked.decisions.size).toBeGreaterThan(0);

			// Sign-ups: each acknowledged account signs in (emails are unique, so it is there once).
			for (const email of acked.users) {
				++serial; // a client of its own, as each sign-up was
				const session = await as(new Client(app.url)).post('/api/v1/session', {
					email,
					password: 'kill restart passphrase'
				});
				expect(session.status, email).toBe(200);
			}
			// Applications: on the public register exactly once each.
			const register: { id: string; status: string }[] = [];
			for (let page = `/api/v1/groups/${path.group}/applications?limit=200`; page;) {
				const answer = await new Client(app.url).get(page);
				register.push(...answer.json.items);
				page = answer.json.next;
			}
			const ids = register.map((a) => a.id);
			for (const id of acked.applications) expect(ids.filter((r) => r === id)).toHaveLength(1);
			expect(new Set(ids).size).toBe(ids.length);
			// Each acknowledged decision stands as it was made.
			for (const [id, outcome] of acked.decisions) {
				expect(register.find((a) => a.id === id)?.status, id).toBe(outcome);
			}
			// Questions exactly once; each one's votes at least those acknowledged, at most those sent.
			const questions = await new Client(app.url).get(
				`/api/v1/groups/${path.group}/meetings/${path.meeting}/questions`
			);
			const shown = questions.json.items as { id: string; votes: number }[];
			for (const id of acked.questions) expect(shown.filter((q) => q.id === id)).toHaveLength(1);
			for (const q of shown) {
				const kept = acked.votes.get(q.id) ?? 0;
				expect(q.votes, q.id).toBeGreaterThanOrEqual(kept);
				expect(q.votes, q.id).toBeLessThanOrEqual(kept + (unanswered.get(q.id) ?? 0));
			}
			// The decision log: every entry still chained to the one before.
			const log: unknown[] = [];
			for (let page = `/api/v1/groups/${path.group}/decisions?limit=1000`; page;) {
				const answer = await new Client(app.url).get(page);
				log.push(...answer.json.items);
				page = answer.json.next;
			}
			// …with one decision entry for every application decided: never one without the other.
			const decidedInLog = (log as { kind: string }[]).filter((e) =>
				['application.accepted', 'application.refused'].includes(e.kind)
			);
			const decided = register.filter((a) => a.status === 'accepted' || a.status === 'refused');
			expect(decidedInLog.length).toBe(decided.length);
			expect(decided.length).toBeGreaterThanOrEqual(acked.decisions.size);
			expect(verifyChain(log)).toMatchObject({ ok: true });
			console.log(
				`R6 [${kind}]: ${cycles} kills; acknowledged ${acked.users.length} sign-ups, ` +
					`${acked.applications.length} applications, ${acked.decisions.size} decisions, ` +
					`${acked.questions.length} questions, ` +
					`${[...acked.votes.values()].reduce((a, b) => a + b, 0)} votes; all present once; ` +
					`log of ${log.length} entries verifies`
			);
		});
	});
}
