import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerToClientEvents } from '$lib/realtime/events';
import { Client, startAppOn, type RunningApp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import {
	joinLive,
	liveMeetingOnApp,
	participantCookie,
	type LiveClient,
	type MeetingPath
} from '../fixtures/live-app';

type Heard = { event: keyof ServerToClientEvents; payload: Record<string, unknown> };

/**
 * Undo and restore through every door of the running app (socket event, form action, JSON API),
 * and the asker's own view live and without JavaScript (issue 20, items 4 and 6).
 */
describe.each(databaseKinds)('moderation undo and the asker’s view on the app [%s]', (kind) => {
	let app: RunningApp;
	let path: MeetingPath;
	let admin: Client;
	const sockets: LiveClient[] = [];

	beforeAll(async () => {
		app = await startAppOn(kind, { PARTICIPANTS_PER_CLIENT_HOUR: '3000' });
		({ admin, path } = await liveMeetingOnApp(app, `undo-${kind}`));
	});

	afterAll(async () => {
		for (const socket of sockets) socket.disconnect();
		await app?.stop();
	});

	const page = (p = '') => `/g/${path.group}/meetings/${path.meeting}${p}`;
	const api = (id: string, verb: string) => `/api/v1/groups/${path.group}/questions/${id}/${verb}`;
	const cookieOf = (client: Client) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

	/** A plain form post, as a browser without JavaScript sends it. */
	const postForm = async (cookie: string, to: string, fields: Record<string, string>) => {
		const response = await fetch(app.url + to, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				origin: app.url,
				cookie
			},
			body: new URLSearchParams(fields).toString()
		});
		return { status: response.status, text: await response.text() };
	};

	/** Everything a socket hears from now on. */
	const listen = (socket: LiveClient) => {
		const heard: Heard[] = [];
		socket.onAny((event, payload) => heard.push({ event, payload }));
		return heard;
	};
	const until = async (check: () => boolean) => {
		for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
		expect(check()).toBe(true);
	};
	const about = (heard: Heard[], id: string) =>
		heard.filter(
			(h) =>
				(h.payload.question as { id?: string } | undefined)?.id === id ||
				h.payload.questionId === id
		);

	// R5 (issue 16): the page sends a question over its socket, the answer is lost, and it posts the
	// form instead; or a phone retries the API. One question, whichever doors it came through.
	it('asks once for one request sent through the socket, the form and the API', async () => {
		const cookie = await participantCookie(app.url, path);
		const { socket } = await joinLive(app.url, path, sockets, cookie);
		const requestId = crypto.randomUUID();
		const text = 'Is one question sent three ways asked once?';
		const bySocket = await socket
			.timeout(5000)
			.emitWithAck('question:ask', { text, anonymous: true, requestId });
		expect(bySocket.ok).toBe(true);
		const byForm = await postForm(cookie, page('/live?/ask'), {
			text,
			anonymous: 'on',
			requestId
		});
		expect(byForm.status).toBe(200);
		const client = new Client(app.url);
		client.cookies.set('participant', cookie.split('=')[1]);
		const api = `/api/v1/groups/${path.group}/meetings/${path.meeting}/questions`;
		const byApi = await client.post(api, { text, anonymous: true, requestId });
		expect(byApi.status).toBe(201);
		if (bySocket.ok) expect(byApi.json.id).toBe(bySocket.question.id);
		const listed = await new Client(app.url).get(api);
		expect(listed.json.items.filter((q: { text: string }) => q.text === text)).toHaveLength(1);
	});

	it('shows the asker their pending, then rejected, question live and on reload; no one else', async () => {
		const settings = await postForm(cookieOf(admin), page('/moderate?/settings'), {
			mode: 'premoderated',
			questionCap: '5'
		});
		expect(settings.status).toBe(200);
		const askerCookie = await participantCookie(app.url, path);
		const asker = await joinLive(app.url, path, sockets, askerCookie);
		const neighbour = await joinLive(app.url, path, sockets);
		const chair = await joinLive(app.url, path, sockets, cookieOf(admin));
		const [askerHeard, neighbourHeard, chairHeard] = [asker, neighbour, chair].map((s) =>
			listen(s.socket)
		);
		const text = 'Is the pending question shown to its asker at once?';
		const asked = await asker.socket.timeout(5000).emitWithAck('question:ask', {
			text,
			anonymous: true
		});
		expect(asked).toMatchObject({ ok: true, question: { state: 'pending', text } });
		if (!asked.ok) return;
		const id = asked.question.id;
		await until(() => about(chairHeard, id).length > 0);
		// The pending question went to the officers alone.
		expect(about(neighbourHeard, id)).toEqual([]);
		expect(about(askerHeard, id)).toEqual([]); // the ack told the asker, no broadcast

		// Without JavaScript: the asker's page shows it as theirs, awaiting approval; no one else's.
		const askerPage = await fetch(app.url + page('/live'), { headers: { cookie: askerCookie } });
		const askerHtml = await askerPage.text();
		expect(askerHtml).toContain(text);
		expect(askerHtml).toContain('Awaiting approval');
		const strangerHtml = await (await fetch(app.url + page('/live'))).text();
		expect(strangerHtml).not.toContain(text);

		const rejected = await admin.post(api(id, 'moderate'), {
			action: 'reject',
			reason: 'off_topic',
			note: 'Please ask at the next meeting.'
		});
		expect(rejected.status).toBe(200);
		await until(() => about(askerHeard, id).length > 0);
		expect(about(askerHeard, id)[0].payload.question).toMatchObject({
			state: 'rejected',
			rejectionReason: 'off_topic',
			rejectionNote: 'Please ask at the next meeting.'
		});
		const reloaded = await (
			await fetch(app.url + page('/live'), { headers: { cookie: askerCookie } })
		).text();
		expect(reloaded).toContain('Your question was rejected: Off-topic');
		const otherReload = await (await fetch(app.url + page('/live'))).text();
		expect(otherReload).not.toContain('Your question was rejected');

		// Restored over the socket: awaiting approval again, it leaves the public's pages.
		await until(() => about(neighbourHeard, id).length > 0);
		const restored = await chair.socket
			.timeout(5000)
			.emitWithAck('question:restore', { questionId: id });
		expect(restored.ok).toBe(true);
		await until(() => about(neighbourHeard, id).some((h) => h.event === 'question:retracted'));
		await until(() => about(askerHeard, id).some((h) => h.event === 'question:retracted'));
		await until(() =>
			about(chairHeard, id).some(
				(h) => (h.payload.question as { state?: string } | undefined)?.state === 'pending'
			)
		);
		expect(about(chairHeard, id).some((h) => h.event === 'question:retracted')).toBe(false);
		const back = await (
			await fetch(app.url + page('/live'), { headers: { cookie: askerCookie } })
		).text();
		expect(back).toContain('Awaiting approval');
		expect(back).not.toContain('Your question was rejected');
	});

	it('restores by form and by API, undoes a status, and refuses attendees at every door', async () => {
		await postForm(cookieOf(admin), page('/moderate?/settings'), {
			mode: 'open',
			questionCap: '5'
		});
		const asker = await joinLive(app.url, path, sockets);
		const asked = await asker.socket
			.timeout(5000)
			.emitWithAck('question:ask', { text: 'Restore me by form?', anonymous: true });
		if (!asked.ok) throw new Error(asked.error.message);
		const id = asked.question.id;
		const stateOf = async () => {
			const list = await new Client(app.url).get(
				`/api/v1/groups/${path.group}/meetings/${path.meeting}/questions`
			);
			return (list.json.items as { id: string; state: string; answerStatus: string }[]).find(
				(q) => q.id === id
			);
		};

		// Without JavaScript: the reject step is a page of its own, nothing preselected.
		const step = await fetch(app.url + page(`/moderate?reject=${id}`), {
			headers: { cookie: cookieOf(admin) }
		});
		const stepHtml = await step.text();
		expect(stepHtml).toContain('Reject this question');
		expect(stepHtml).toMatch(/name="reason" value="off_topic"/);
		expect(stepHtml).not.toMatch(/name="reason"[^>]*checked/);
		const noReason = await postForm(cookieOf(admin), page('/moderate?/reject'), {
			questionId: id
		});
		expect(noReason.status).toBe(400);
		expect((await stateOf())?.state).toBe('published');
		const reject = await postForm(cookieOf(admin), page('/moderate?/reject'), {
			questionId: id,
			reason: 'duplicate'
		});
		expect(reject.status).toBe(200);
		expect(reject.text).toContain('Undo');
		expect((await stateOf())?.state).toBe('rejected');

		// An attendee is refused at the form, the API and the socket.
		const attendeeCookie = await participantCookie(app.url, path);
		const byForm = await postForm(attendeeCookie, page('/moderate?/restore'), { questionId: id });
		expect(byForm.status).toBe(303); // to the sign-in page
		const attendeeApi = new Client(app.url);
		const byApi = await attendeeApi.post(api(id, 'restore'));
		expect(byApi.status).toBe(401);
		const bySocket = await asker.socket
			.timeout(5000)
			.emitWithAck('question:restore', { questionId: id });
		expect(bySocket).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
		expect((await stateOf())?.state).toBe('rejected');

		const restore = await postForm(cookieOf(admin), page('/moderate?/restore'), {
			questionId: id
		});
		expect(restore.status).toBe(200);
		expect(restore.text).toContain('Question restored.');
		expect((await stateOf())?.state).toBe('published');

		// By the API: a merge restored, then an answer status undone.
		const other = await asker.socket
			.timeout(5000)
			.emitWithAck('question:ask', { text: 'The survivor of a merge', anonymous: true });
		if (!other.ok) throw new Error(other.error.message);
		const merged = await admin.post(api(id, 'moderate'), {
			action: 'merge',
			intoId: other.question.id
		});
		expect(merged.status).toBe(200);
		expect((await stateOf())?.state).toBe('merged');
		const viaApi = await admin.post(api(id, 'restore'));
		expect(viaApi.status).toBe(200);
		expect(viaApi.json).toMatchObject({ changed: [id, other.question.id] });
		expect((await stateOf())?.state).toBe('published');
		const again = await admin.post(api(id, 'restore'));
		expect(again.status).toBe(409);

		await admin.post(api(id, 'moderate'), { action: 'status', status: 'answered' });
		expect((await stateOf())?.answerStatus).toBe('answered');
		const undone = await postForm(cookieOf(admin), page('/moderate?/undoStatus'), {
			questionId: id
		});
		expect(undone.status).toBe(200);
		expect((await stateOf())?.answerStatus).toBe('open');

		// The decision log shows every undo publicly.
		const log = await new Client(app.url).get(`/api/v1/groups/${path.group}/decisions`);
		const kinds = (log.json.items as { kind: string; subject: string }[])
			.filter((e) => e.subject === `question:${id}`)
			.map((e) => e.kind);
		expect(kinds).toEqual(expect.arrayContaining(['question.restored', 'question.status_undone']));
		expect(kinds.filter((k) => k === 'question.restored')).toHaveLength(2);
	});

	it('shows officers, and no one else, a withheld text they could restore', async () => {
		const asker = await joinLive(app.url, path, sockets);
		const text = 'A text naming a private person in full';
		const asked = await asker.socket
			.timeout(5000)
			.emitWithAck('question:ask', { text, anonymous: true });
		if (!asked.ok) throw new Error(asked.error.message);
		const rejected = await admin.post(api(asked.question.id, 'moderate'), {
			action: 'reject',
			reason: 'personal_data'
		});
		expect(rejected.status).toBe(200);
		const console = await admin.get(page('/moderate'));
		expect(console.text).toContain(text);
		expect(console.text).toContain('This text is withheld from the public');
		const publicPage = await new Client(app.url).get(page('/live'));
		expect(publicPage.text).not.toContain(text);
		const attendeeConsole = await fetch(app.url + page('/moderate'), {
			redirect: 'manual',
			headers: { cookie: await participantCookie(app.url, path) }
		});
		expect(attendeeConsole.status).toBe(303); // to the sign-in page
		expect(await attendeeConsole.text()).not.toContain(text);
	});

	it('closes a meeting only through the confirmation step', async () => {
		const edit = page('/edit');
		const step = await fetch(app.url + `${edit}?close`, { headers: { cookie: cookieOf(admin) } });
		const html = await step.text();
		expect(html).toContain('Close the meeting?');
		expect(html).toMatch(/Published questions not yet answered: \d+/);
		const oneClick = await postForm(cookieOf(admin), `${edit}?/state`, { state: 'closed' });
		expect(oneClick.status).toBe(400);
		expect(oneClick.text).toContain('Confirm that you want to close the meeting.');
		const meeting = await new Client(app.url).get(
			`/api/v1/groups/${path.group}/meetings/${path.meeting}`
		);
		expect(meeting.json.state).toBe('live');
		const confirmed = await postForm(cookieOf(admin), `${edit}?/state`, {
			state: 'closed',
			confirm: 'yes'
		});
		expect(confirmed.status).toBe(200);
		const after = await new Client(app.url).get(
			`/api/v1/groups/${path.group}/meetings/${path.meeting}`
		);
		expect(after.json.state).toBe('closed');
	});
});
