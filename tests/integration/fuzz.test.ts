import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startAppOn, type RunningApp, signedUp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import {
	joinLive,
	participantCookie,
	type LiveClient,
	type MeetingPath
} from '../fixtures/live-app';
import {
	clientEvents,
	examplesFor,
	fieldValue,
	jsonBody,
	jsonEndpoints,
	schemaFields
} from '../fixtures/fuzz';
import { verifyChain, type LogEntry } from '$lib/server/decision-log/chain';
import { openPglite, openPostgres, rowsOf, type DatabaseHandle } from '$lib/server/db';

/**
 * Issue 16: a property-based fuzz of every JSON endpoint and socket event, on the built app, with
 * a fixed seed (the same requests every run, so a failure reproduces) and a budget that fits CI.
 * Properties: never a 5xx, never a half-written record, never a dropped connection.
 */
const seed = 1616;
// 6000 and 3000 until 2026-12-06, when the whole CI run went over its 30 minutes.
const httpRuns = 4000;
const socketRuns = 2000;

const password = 'fuzz passphrase of some length';
const endpoints = jsonEndpoints();
const events = clientEvents();
const fields = schemaFields();

/** Garbage for any path parameter: a random UUID, words, traversal, unicode, very long. */
const garbage = fc.oneof(
	fc.uuid(),
	fc.constantFrom(
		'0',
		'-1',
		'1.5',
		'99999999999999999999',
		'null',
		'%00',
		'..',
		'ب',
		'x'.repeat(300)
	),
	fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
);

for (const kind of databaseKinds) {
	describe(`a fuzz of every JSON endpoint and socket event [${kind}]`, () => {
		let app: RunningApp;
		let slug: string;
		let live: MeetingPath;
		const callers: Record<'anonymous' | 'member' | 'chair', string> = {
			anonymous: '',
			member: '',
			chair: ''
		};
		/** Real ids by the path segment they follow (`applications/[id]`), and every id seen. */
		const real: Record<string, string[]> = {};
		const ids: string[] = [];
		const remember = (segment: string, id: unknown) => {
			if (typeof id !== 'string' && typeof id !== 'number') return;
			(real[segment] ??= []).push(String(id));
			ids.push(String(id));
		};
		const figures = { requests: 0, emits: 0, ms: 0 };
		/** What the answers were, printed at the end: a fuzz that only ever gets 404 tests little. */
		const answers = new Map<string, number>();
		const count = (key: string) => answers.set(key, (answers.get(key) ?? 0) + 1);

		const signUp = async (email: string, displayName: string) => {
			return signedUp(app, { email, password, displayName });
		};

		/** Real data, made through the API, so that path parameters can be real ids. */
		beforeAll(async () => {
			const started = Date.now();
			app = await startAppOn(kind);
			const email = 'admin@fuzz.test';
			expect(app.cli('admin-create', ['--email', email, '--password', password]).status).toBe(0);
			const admin = new Client(app.url);
			expect((await admin.post('/api/v1/session', { email, password })).status).toBe(200);
			slug = `fuzz-${kind}`;
			const api = `/api/v1/groups/${slug}`;
			const group = await admin.post('/api/v1/groups', {
				slug,
				name: 'Fuzz Community Reference Group',
				institution: 'Testshire Police',
				purpose: 'Being fuzzed.',
				membershipOpen: true,
				timeZone: 'UTC'
			});
			expect(group.status).toBe(201);
			const chair = await signUp('chair@fuzz.test', 'Chair');
			const member = await signUp('member@fuzz.test', 'Member');
			const applicant = await signUp('applicant@fuzz.test', 'Applicant');
			await signUp('secretary@fuzz.test', 'Secretary');
			expect(
				(await admin.post(`${api}/roles`, { email: 'chair@fuzz.test', role: 'chair' })).status
			).toBe(201);
			const secretary = await chair.post(`${api}/roles`, {
				email: 'secretary@fuzz.test',
				role: 'secretary'
			});
			expect(secretary.status).toBe(201);
			// Not the chair's own appointment: the fuzz may end roles, but should keep its chair.
			remember('roles', secretary.json.id);
			const apply = (client: Client, name: string, contact: string) =>
				client.post(`${api}/applications`, {
					organisation: {
						name,
						category: 'Legal advice',
						area: 'Riverside',
						description: 'Advice.'
					},
					contact: { name: 'Contact', email: contact },
					statement: 'We advise people held in custody.'
				});
			const accepted = await apply(member, 'Riverside Law Centre', 'member@fuzz.test');
			expect(accepted.status).toBe(201);
			remember('applications', accepted.json.id);
			expect(
				(
					await chair.post(`${api}/applications/${accepted.json.id}/decision`, {
						outcome: 'accepted'
					})
				).status
			).toBe(200);
			const pending = await apply(applicant, 'Hillside Youth Forum', 'applicant@fuzz.test');
			expect(pending.status).toBe(201);
			remember('applications', pending.json.id);
			for (const m of (await chair.get(`${api}/members`)).json.items) remember('members', m.id);

			const meeting = async (title: string, days: number) => {
				const start = new Date(Date.now() + days * 86_400_000);
				const created = await chair.post(`${api}/meetings`, {
					title,
					startsAt: start.toISOString(),
					endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
					location: 'Hall',
					participation: 'open'
				});
				expect(created.status).toBe(201);
				remember('meetings', created.json.number);
				const n = created.json.number as number;
				for (const title of ['Welcome', 'Custody checks']) {
					const item = await chair.post(`${api}/meetings/${n}/agenda`, {
						title,
						plannedMinutes: 20
					});
					expect(item.status).toBe(201);
					remember('agenda', item.json.id);
				}
				const link = await chair.post(
					`${api}/meetings/${n}/agenda/${real.agenda.at(-1)}/documents`,
					{
						title: 'Paper',
						url: 'https://example.org/paper'
					}
				);
				expect(link.status).toBe(201);
				return n;
			};
			const scheduled = await meeting('Scheduled meeting', 5);
			expect(
				(await chair.request('PATCH', `${api}/meetings/${scheduled}`, { state: 'scheduled' }))
					.status
			).toBe(200);
			const proposal = await member.post(`${api}/meetings/${scheduled}/proposals`, {
				title: 'Stop and search',
				why: 'Numbers went up.'
			});
			expect(proposal.status).toBe(201);
			remember('proposals', proposal.json.id);
			const liveNumber = await meeting('Live meeting', 0.01);
			for (const state of ['scheduled', 'live']) {
				expect(
					(await chair.request('PATCH', `${api}/meetings/${liveNumber}`, { state })).status
				).toBe(200);
			}
			live = { group: slug, meeting: liveNumber };
			const attendee = new Client(app.url);
			await attendee.get(`/g/${slug}/meetings/${liveNumber}/live`);
			for (const text of ['How many checks were done?', 'Who reviews the footage?']) {
				const asked = await attendee.post(`${api}/meetings/${liveNumber}/questions`, {
					text,
					anonymous: true
				});
				expect(asked.status).toBe(201);
				remember('questions', asked.json.id);
			}
			const action = await chair.post(`${api}/meetings/${liveNumber}/actions`, {
				owner: 'The inspector',
				description: 'Publish the figures.',
				dueOn: '2027-03-01',
				questionId: real.questions[0]
			});
			expect(action.status).toBe(201);
			remember('actions', action.json.id);
			const written = await chair.post(`${api}/written`, { text: 'How many were upheld?' });
			expect(written.status).toBe(201);
			remember('written', written.json.id);
			remember('checkpoints', '1');
			callers.member = `session=${member.cookies.get('session')}`;
			callers.chair = `session=${chair.cookies.get('session')}`;
			console.log(`[${kind}] seeded in ${Date.now() - started} ms`);
		}, 60_000);

		afterAll(async () => {
			await app?.stop();
			console.log(
				`[${kind}] fuzz: ${figures.requests} requests and ${figures.emits} socket events in ${figures.ms} ms`,
				Object.fromEntries([...answers].sort())
			);
		});

		/** Values for a path parameter: real ones where the seed made some, garbage always. */
		function parameter(name: string, after: string) {
			const pools: Record<string, () => fc.Arbitrary<string>> = {
				group: () => fc.constant(slug),
				n: () => fc.constantFrom(...real.meetings, '999'),
				item: () => fc.constantFrom(...real.agenda),
				motion: () => fc.constantFrom('1', '2', '0', '99'),
				// A request to speak: none real (none is made), all 404 or refused.
				request: () => fc.constantFrom(randomUUID(), 'not-a-request'),
				size: () => fc.constantFrom('1', '2', '0'),
				'version=integer': () => fc.constantFrom('1', '2', '0', '99'),
				verb: () =>
					fc.constantFrom('vote', 'withdraw', 'rate', 'moderate', 'restore', 'answer', 'nope'),
				id: () => fc.constantFrom(...(real[after] ?? [randomUUID()])),
				'...rest': () => fc.constantFrom('v2/groups', 'v1', 'v1/groups/x/y/z/w'),
				// A representative, an invitation, an invitation's token: none real, all refused.
				user: () => fc.constant(randomUUID()),
				invitation: () => fc.constant(randomUUID()),
				token: () => fc.constantFrom('a'.repeat(32), 'not-a-token')
			};
			// Correction ids exist only once minutes are published: random ones then.
			const withoutRealOnes = new Set(['corrections']);
			const pool = pools[name];
			if (!pool || (name === 'id' && !real[after] && !withoutRealOnes.has(after))) return null;
			// Garbage such as `..` in the catch-all leads out of /api (`/api/..` is the home page,
			// which answers in HTML): the catch-all gets its own odd paths only.
			if (name === '...rest') return pool();
			return fc.oneof({ arbitrary: pool(), weight: 9 }, { arbitrary: garbage, weight: 1 });
		}

		it('can fill the path parameters of every endpoint it found', () => {
			expect(endpoints.length).toBeGreaterThan(50);
			const unfilled = endpoints.flatMap((e) =>
				e.params.filter((p) => !parameter(p.name, p.after)).map((p) => `${e.route}: [${p.name}]`)
			);
			expect(unfilled).toEqual([]);
			expect(endpoints.every((e) => e.methods.length > 0)).toBe(true);
		});

		// What the fuzz found, each as the exact request it sent.
		it('answers a review or decision of an application whose id is not a UUID with 404, not 500', async () => {
			const chair = { cookie: callers.chair, 'content-type': 'application/json' };
			for (const [verb, body] of [
				['review', {}],
				['decision', { outcome: 'accepted' }]
			] as const) {
				const response = await fetch(`${app.url}/api/v1/groups/${slug}/applications/null/${verb}`, {
					method: 'POST',
					headers: chair,
					body: JSON.stringify(body)
				});
				expect(response.status).toBe(404);
				expect((await response.json()).error.code).toBe('not_found');
			}
		});

		it('answers a method an endpoint does not take in the API error shape, with Allow', async () => {
			// Sent as `…/meetings/../actions`, which the URL parser folds into `…/actions` (GET only).
			const response = await fetch(`${app.url}/api/v1/groups/${slug}/meetings/../actions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ name: 'Faith groups' })
			});
			expect(response.status).toBe(405);
			expect(response.headers.get('allow')).toContain('GET');
			expect((await response.json()).error.code).toBe('method_not_allowed');
		});

		// Sockets first: the HTTP fuzz may close the live meeting.
		it(`answers ${socketRuns} generated socket events with a well-formed ack, never dropping the connection`, async () => {
			const started = Date.now();
			const sockets: LiveClient[] = [];
			const chairCookie = `${callers.chair}; ${await participantCookie(app.url, live)}`;
			const attendee = (await joinLive(app.url, live, sockets)).socket;
			const chair = (await joinLive(app.url, live, sockets, chairCookie)).socket;
			const dropped: string[] = [];
			for (const [who, socket] of [
				['attendee', attendee],
				['chair', chair]
			] as const) {
				socket.on('disconnect', (reason) => dropped.push(`${who}: ${reason}`));
			}
			const names = [...events.map((e) => e.event), 'meeting:leave', 'no:such:event'];
			const payload = fc.oneof(
				{ arbitrary: jsonBody([...fields, 'questionId', 'group', 'meeting'], ids), weight: 6 },
				{ arbitrary: fc.constant({ ...live }), weight: 1 },
				// The questions' own requests, on the seeded questions: they reach the domain.
				{
					arbitrary: fc
						.record({
							example: fc.constantFrom(...examplesFor('[verb]'), ...examplesFor('questions')),
							questionId: fc.constantFrom(...real.questions)
						})
						.map(({ example, questionId }) => ({ ...example, questionId })),
					weight: 4
				},
				{ arbitrary: fieldValue(ids), weight: 1 }
			);
			const emit = fc.record({
				event: fc.constantFrom(...names),
				socket: fc.constantFrom('attendee', 'chair'),
				payload: fc.option(payload, { freq: 8 }),
				ack: fc.boolean()
			});
			const acks = events.filter((e) => e.ack).map((e) => e.event);
			expect(acks.length).toBeGreaterThan(5);
			await fc.assert(
				fc.asyncProperty(emit, async (e) => {
					// Untyped: the fuzz sends what the event map does not allow.
					const socket = (e.socket === 'chair' ? chair : attendee) as unknown as Socket;
					const args = e.payload === null ? [] : [e.payload];
					const label = `${e.socket} ${e.event} ${JSON.stringify(e.payload)?.slice(0, 500)}`;
					expect(JSON.stringify(args).length).toBeLessThan(60_000);
					figures.emits++;
					if (!e.ack) {
						socket.emit(e.event, ...args);
						return;
					}
					const reply = (await socket.timeout(10_000).emitWithAck(e.event, ...args)) as {
						ok: boolean;
						error?: { code: string };
					};
					count(`ack ${reply.ok ? 'ok' : reply.error?.code}`);
					if (reply.ok) return;
					expect(typeof reply.error?.code, label).toBe('string');
					expect(reply.error?.code, label).not.toBe('internal');
					expect(dropped, label).toEqual([]);
				}),
				{ seed, numRuns: socketRuns, endOnFailure: true }
			);
			// An ack-less emit is answered by nothing: a last round trip shows it was survived.
			for (const socket of [attendee, chair]) {
				expect((await socket.timeout(10_000).emitWithAck('session:whoami', {})).ok).toBe(true);
			}
			expect(dropped).toEqual([]);
			for (const socket of sockets) socket.disconnect();
			figures.ms += Date.now() - started;
			expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
			expect(app.output()).not.toMatch(/unexpected error|\n\s+at .+:\d+:\d+/);
		}, 240_000);

		it(`answers ${httpRuns} generated requests below 500, with the API's error shape`, async () => {
			const started = Date.now();
			const request = fc.constantFrom(...endpoints).chain((endpoint) =>
				fc.record({
					endpoint: fc.constant(endpoint),
					method: fc.constantFrom(...endpoint.methods),
					values: fc.tuple(...endpoint.params.map((p) => parameter(p.name, p.after)!)),
					// The chair the most: most writes are officers' and get furthest as theirs.
					caller: fc.constantFrom('anonymous', 'member', 'chair', 'chair') as fc.Arbitrary<
						keyof typeof callers
					>,
					query: fc.dictionary(
						fc.constantFrom(
							'limit',
							'cursor',
							'q',
							'page',
							'sort',
							'current',
							'code',
							'merge',
							'reject',
							'action',
							'kind',
							'x'
						),
						fc.oneof(
							fc.constantFrom('1', '0', '-5', '1000000', 'Zm9v', '%', ''),
							fc.string({ maxLength: 40 })
						),
						{ maxKeys: 3 }
					),
					body: fc.oneof(
						{
							arbitrary: jsonBody(fields, ids, endpoint.route).map((b) => JSON.stringify(b)),
							weight: 8
						},
						{
							arbitrary: fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '', '\u0000'),
							weight: 1
						},
						{ arbitrary: fc.constant(undefined), weight: 1 }
					),
					type: fc.oneof(
						{ arbitrary: fc.constant('application/json'), weight: 12 },
						{
							arbitrary: fc.constantFrom(
								'text/plain',
								'application/x-www-form-urlencoded',
								'multipart/form-data; boundary=x',
								'application/octet-stream',
								'application/json; charset=utf-16'
							),
							weight: 3
						}
					)
				})
			);
			await fc.assert(
				fc.asyncProperty(request, async (r) => {
					let values = [...r.values];
					const pathname = r.endpoint.route.replace(/\[[^\]]+\]/g, () =>
						encodeURIComponent(String(values.shift()))
					);
					values = [];
					const query = new URLSearchParams(r.query).toString();
					// Signing out would end the caller's session for the rest of the run.
					const caller =
						r.endpoint.route === 'v1/session' && r.method === 'DELETE' ? 'anonymous' : r.caller;
					const hasBody = r.method !== 'GET' && r.body !== undefined;
					const body = hasBody ? r.body : undefined;
					const response = await fetch(`${app.url}/api/${pathname}${query ? `?${query}` : ''}`, {
						method: r.method,
						redirect: 'manual',
						headers: {
							...(hasBody ? { 'content-type': r.type } : {}),
							...(callers[caller] ? { cookie: callers[caller] } : {})
						},
						body,
						signal: AbortSignal.timeout(15_000)
					});
					figures.requests++;
					const text = await response.text();
					count(`${response.status}`);
					const label = `${r.method} /api/${pathname}?${query} as ${caller} (${r.type}): ${body?.slice(0, 500)} → ${response.status} ${text.slice(0, 300)}`;
					expect(response.status, label).toBeLessThan(500);
					// Every refusal in the API's shape, the CSRF check's too (a form-typed write
					// without this Origin: docs/security.md, "Requests").
					if (response.status >= 400) {
						const error = JSON.parse(text).error;
						expect(typeof error?.code, label).toBe('string');
						expect(typeof error?.message, label).toBe('string');
					}
				}),
				{ seed, numRuns: httpRuns, endOnFailure: true }
			);
			figures.ms += Date.now() - started;
			expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
			expect(app.output()).not.toMatch(/unexpected error|\n\s+at .+:\d+:\d+/);
		}, 240_000);

		it('leaves no half-written record behind', async () => {
			// The decision log of the group verifies: every decision the fuzz made was chained in
			// the transaction that made it, so a broken chain means a write escaped its transaction.
			const entries: LogEntry[] = [];
			for (let next: string | null = `/api/v1/groups/${slug}/decisions?limit=1000`; next;) {
				const page: { items: LogEntry[]; next: string | null } = await (
					await fetch(app.url + next)
				).json();
				entries.push(...page.items);
				next = page.next;
			}
			expect(verifyChain(entries)).toMatchObject({ ok: true });

			// Read the database itself: PostgreSQL while the app runs (its scratch database goes
			// when it stops), PGlite once it has stopped (one process may hold its folder).
			let handle: DatabaseHandle;
			if (kind === 'postgres') {
				handle = await openPostgres(app.env.DATABASE_URL, { max: 1 });
			} else {
				await app.stop();
				handle = await openPglite(app.dataDir);
			}
			const none = async (why: string, query: ReturnType<typeof sql>) => {
				const rows = rowsOf<Record<string, unknown>>(await handle.db.execute(query));
				expect(rows, why).toEqual([]);
			};
			try {
				// An uploaded PDF that lists but cannot be downloaded.
				await none(
					'a PDF document without its bytes',
					sql`select d.id from agenda_documents d left join agenda_document_files f
						on f.document_id = d.id where d.kind = 'pdf' and f.document_id is null`
				);
				// A decided application whose decision is not in the public, chained log.
				await none(
					'a decided application without its log entry',
					sql`select a.id from applications a where a.decision is not null and not exists
						(select 1 from decision_log l where l.group_id = a.group_id and l.subject = 'application:' || a.id::text)`
				);
				// Two agenda items in one slot: the running order and planned times become ambiguous.
				await none(
					'two agenda items in one position',
					sql`select meeting_id, position from agenda_items group by meeting_id, position
						having count(*) > 1`
				);
				// A member without the accepted application that made them one.
				await none(
					'a membership without an accepted application',
					sql`select m.id from memberships m join applications a on a.id = m.application_id
						where a.decision is distinct from 'accepted'`
				);
				// A gap in a group's log: an entry appended outside the transaction that took its seq.
				await none(
					'a decision log whose seq has gaps',
					sql`select group_id from decision_log group by group_id
						having max(seq) - min(seq) + 1 <> count(*)`
				);
			} finally {
				await handle.close();
			}
		}, 60_000);
	});
}
