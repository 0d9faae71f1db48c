import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startAppOn, type RunningApp, signedUp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import { verifyChain } from '$lib/server/decision-log/chain';

const adminEmail = 'admin@motions-api.test';
const adminPassword = 'motions api admin passphrase';
const password = 'correct horse battery staple';

for (const kind of databaseKinds) {
	describe(`motions API on the built app [${kind}]`, () => {
		let app: RunningApp;
		let chair: Client;
		let secretary: Client;
		let repA: Client;
		let repB: Client;
		const slug = `motions-${kind}`;
		const group = `/api/v1/groups/${slug}`;
		let motions: string;

		beforeAll(async () => {
			app = await startAppOn(kind);
			expect(
				app.cli('admin-create', ['--email', adminEmail, '--password', adminPassword]).status
			).toBe(0);
			const admin = new Client(app.url);
			expect(
				(await admin.post('/api/v1/session', { email: adminEmail, password: adminPassword })).status
			).toBe(200);
			expect(
				(
					await admin.post('/api/v1/groups', {
						slug,
						name: 'Motions API Group',
						institution: 'Testshire Police',
						purpose: 'Testing motions.',
						membershipOpen: true,
						timeZone: 'UTC'
					})
				).status
			).toBe(201);
			const account = (name: string) =>
				signedUp(app, { email: `${name}@motions-api.test`, password, displayName: name });
			chair = await account('chair');
			secretary = await account('secretary');
			repA = await account('repa');
			repB = await account('repb');
			expect(
				(await admin.post(`${group}/roles`, { email: 'chair@motions-api.test', role: 'chair' }))
					.status
			).toBe(201);
			expect(
				(
					await chair.post(`${group}/roles`, {
						email: 'secretary@motions-api.test',
						role: 'secretary'
					})
				).status
			).toBe(201);
			for (const [rep, name] of [
				[repA, 'Harbour Law Centre'],
				[repB, 'Migrants Network']
			] as const) {
				const applied = await rep.post(`${group}/applications`, {
					organisation: {
						name,
						category: 'Legal advice',
						area: 'Riverside',
						description: 'Advice.'
					},
					contact: { name: 'Contact', email: 'contact@example.org' },
					statement: 'We advise people held in custody.'
				});
				expect(applied.status).toBe(201);
				expect(
					(
						await chair.post(`${group}/applications/${applied.json.id}/decision`, {
							outcome: 'accepted'
						})
					).status
				).toBe(200);
			}
			const start = new Date(Date.now() + 60_000).toISOString();
			const end = new Date(Date.now() + 3_600_000).toISOString();
			const meeting = await secretary.post(`${group}/meetings`, {
				title: 'Meeting with motions',
				startsAt: start,
				endsAt: end,
				location: 'Hall'
			});
			expect(meeting.status).toBe(201);
			motions = `${group}/meetings/${meeting.json.number}/motions`;
			for (const state of ['scheduled', 'live']) {
				const moved = await chair.request('PATCH', `${group}/meetings/${meeting.json.number}`, {
					state
				});
				expect(moved.status).toBe(200);
			}
		}, 120_000);

		afterAll(async () => {
			await app?.stop();
		});

		it('proposes, schedules, votes and decides a motion over the API, with field-level 400s', async () => {
			const anonymous = new Client(app.url);
			expect((await anonymous.post(motions, { text: 'x' })).status).toBe(401);
			const empty = await repA.post(motions, { text: '' });
			expect(empty.status).toBe(400);
			expect(Object.keys(empty.json.error.fields)).toEqual(['text']);
			const proposed = await repA.post(motions, { text: 'That the group meets monthly.' });
			expect(proposed.status).toBe(201);
			expect(proposed.json).toMatchObject({
				number: 1,
				state: 'proposed',
				proposedBy: 'Harbour Law Centre',
				totals: null
			});
			const one = `${motions}/1`;
			expect(proposed.headers.get('location')).toBe(one);
			expect((await repB.post(`${one}/second`, {})).json.secondedBy).toBe('Migrants Network');

			expect((await repA.request('PATCH', one, { state: 'scheduled' })).status).toBe(403);
			const noReason = await secretary.request('PATCH', one, { state: 'declined' });
			expect(noReason.status).toBe(400);
			expect(Object.keys(noReason.json.error.fields)).toEqual(['reason']);
			expect((await secretary.request('PATCH', one, { state: 'scheduled' })).json.state).toBe(
				'scheduled'
			);
			expect((await secretary.request('PATCH', one, { state: 'voting' })).status).toBe(403);
			expect((await chair.request('PATCH', one, { state: 'voting' })).json.state).toBe('voting');

			const badVote = await repA.request('PUT', `${one}/vote`, { vote: 'maybe' });
			expect(badVote.status).toBe(400);
			expect(Object.keys(badVote.json.error.fields)).toEqual(['vote']);
			const vote = await repA.request('PUT', `${one}/vote`, { vote: 'for' });
			expect(vote.status).toBe(200);
			expect(vote.json).toMatchObject({ organisation: 'Harbour Law Centre', vote: 'for' });
			expect((await chair.request('PUT', `${one}/vote`, { vote: 'for' })).status).toBe(403);
			const during = await anonymous.get(one);
			expect(during.json).toMatchObject({
				state: 'voting',
				totals: { for: 1, against: 0, abstain: 0 },
				votes: null
			});

			const decided = await chair.request('PATCH', one, { state: 'decided' });
			expect(decided.status).toBe(200);
			expect(decided.json).toMatchObject({
				state: 'decided',
				result: { outcome: 'carried', members: 2, quorumNeeded: 1, quorumMet: true },
				votes: [{ organisation: 'Harbour Law Centre', vote: 'for' }],
				notVoting: ['Migrants Network']
			});
			const late = await repB.request('PUT', `${one}/vote`, { vote: 'against' });
			expect(late.status).toBe(409);

			const list = await anonymous.get(`${motions}.json`);
			expect(list.json.items).toHaveLength(1);
			const csv = await anonymous.get(`${motions}.csv`);
			expect(csv.headers.get('content-type')).toContain('text/csv');
			expect(csv.text.split('\r\n')[0]).toContain('result.outcome');
			expect(csv.text).toContain('carried');

			const log = await anonymous.get(`${group}/decisions.json?limit=1000`);
			expect(verifyChain(log.json.items)).toMatchObject({ ok: true });
			expect(log.json.items.at(-1)).toMatchObject({
				kind: 'motion.decided',
				payload: { outcome: 'carried', counts: { for: 1, against: 0, abstain: 0 } }
			});
			expect((await anonymous.get(`${motions}/99`)).status).toBe(404);
		});

		it('lets the chair alone set the quorum and majority', async () => {
			const rules = `${group}/motion-rules`;
			expect((await secretary.post(rules, { quorum: 'half', majority: 'simple' })).status).toBe(
				403
			);
			expect((await chair.post(rules, { quorum: 'most', majority: 'simple' })).status).toBe(400);
			const set = await chair.post(rules, { quorum: 'half', majority: 'two_thirds' });
			expect(set.json).toEqual({ quorum: 'half', majority: 'two_thirds' });
			expect((await new Client(app.url).get(group)).json.motionRules).toEqual({
				quorum: 'half',
				majority: 'two_thirds'
			});
		});
	});
}
