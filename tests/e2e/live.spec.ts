import type { Page } from '@playwright/test';
import { expect, liveMeeting, newPage as open, test } from './fixtures';

test('an anonymous question, a vote, the chair’s verdict and the screen, live across browsers', async ({
	browser,
	page,
	checkA11y
}) => {
	const chairPage = await open(browser, '/');
	const meeting = await liveMeeting(page.request, chairPage.request);
	const question = 'How long are people held while foreign record checks are done?';

	await page.goto(`${meeting.path}/live`);
	await checkA11y(page);
	const asker = page;
	await expect(asker.getByLabel('Ask anonymously')).toBeChecked();
	await asker.getByLabel('Your question').fill(question);
	await asker.getByRole('button', { name: 'Send question' }).click();
	await expect(asker.getByText('Your question has been sent.')).toBeVisible();
	const askersCopy = asker.getByRole('article').filter({ hasText: question });
	await expect(askersCopy).toContainText('Anonymous');
	await expect(askersCopy).toContainText('Your question');

	const voter = await open(browser, `${meeting.path}/live`);
	await checkA11y(voter);
	const votersCopy = voter.getByRole('article').filter({ hasText: question });
	await votersCopy.getByRole('button', { name: 'Vote for this question' }).click();
	await expect(votersCopy).toContainText(/\b1 vote(?!s)/);
	await expect(votersCopy.getByRole('button', { name: 'Take back my vote' })).toBeVisible();
	// The asker's page follows without reloading.
	await expect(askersCopy).toContainText(/\b1 vote(?!s)/);

	await chairPage.goto(`${meeting.path}/moderate`);
	await expect(
		chairPage.getByRole('heading', { level: 1, name: /Moderation console/ })
	).toBeVisible();
	await checkA11y(chairPage);
	const moderated = chairPage.getByRole('article').filter({ hasText: question });
	await moderated.getByText('Record the answer').first().click();
	await moderated.getByRole('combobox', { name: 'Record the answer' }).selectOption('not_answered');
	await moderated.getByLabel('Answer summary').fill('No figure was given.');
	await moderated.getByRole('button', { name: 'Record the answer' }).click();
	await expect(askersCopy).toContainText('Not answered');
	await expect(askersCopy).toContainText('No figure was given.');
	// Screen readers hear the answer being recorded (never the vote tallies).
	await expect(voter.locator('.visually-hidden[aria-live="polite"]')).toContainText(
		'Answer recorded, Not answered: How long are people held'
	);

	const screen = await open(browser, `${meeting.path}/screen`);
	await checkA11y(screen);
	await expect(screen.getByText(question)).toBeVisible();
	await expect(screen.getByText(/\b1 vote · Not answered/)).toBeVisible();
	await expect(screen.getByRole('img', { name: /Join and ask/ })).toBeVisible();

	// The room rates the answer.
	await votersCopy.getByLabel('Not answered').check();
	await votersCopy.getByRole('button', { name: 'Save' }).click();
	await expect(askersCopy).toContainText('The room’s verdict');
});

/**
 * Blocks websockets in a page's browser as a venue's network or a proxy might: the connection of
 * socket.io's websocket transport fails (it is sent to a closed port), so the page has to fall
 * back to long-polling. (Playwright's page.route does not see websocket handshakes, and
 * routeWebSocket always opens the connection first.)
 */
async function withoutWebsockets(page: Page) {
	await page.addInitScript(() => {
		const Real = window.WebSocket;
		window.WebSocket = class extends Real {
			constructor(url: string | URL, protocols?: string | string[]) {
				super(String(url).includes('/socket.io/') ? 'ws://127.0.0.1:9/blocked' : url, protocols);
			}
		};
	});
	const polls: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('transport=polling')) polls.push(r.method());
	});
	return polls;
}

test('the live page falls back to long-polling where websockets are blocked', async ({
	browser,
	page,
	checkA11y
}) => {
	const chairPage = await open(browser, '/');
	const meeting = await liveMeeting(page.request, chairPage.request);
	const question = 'Are the custody records checked by anyone outside the Service?';
	const askerPolls = await withoutWebsockets(page);
	await page.goto(`${meeting.path}/live`);
	await checkA11y(page);
	await page.getByLabel('Your question').fill(question);
	await page.getByRole('button', { name: 'Send question' }).click();
	await expect(page.getByText('Your question has been sent.')).toBeVisible();
	const askersCopy = page.getByRole('article').filter({ hasText: question });

	const voter = await (await browser.newContext()).newPage();
	const voterPolls = await withoutWebsockets(voter);
	await voter.goto(`${meeting.path}/live`);
	await checkA11y(voter);
	const votersCopy = voter.getByRole('article').filter({ hasText: question });
	await votersCopy.getByRole('button', { name: 'Vote for this question' }).click();
	await expect(votersCopy).toContainText(/\b1 vote(?!s)/);
	// The asker's page follows without reloading: the tally came over long-polling.
	await expect(askersCopy).toContainText(/\b1 vote(?!s)/);
	for (const polls of [askerPolls, voterPolls]) {
		expect(polls).toContain('GET');
		expect(polls).toContain('POST');
	}
});

/** Every websocket a page opens, and what the page sent on each. */
function watchSockets(page: Page) {
	const sockets: { url: string; at: number; sent: string[]; closed: boolean }[] = [];
	page.on('websocket', (ws) => {
		const socket = { url: ws.url(), at: Date.now(), sent: [] as string[], closed: false };
		sockets.push(socket);
		ws.on('framesent', (frame) => socket.sent.push(String(frame.payload)));
		ws.on('close', () => (socket.closed = true));
	});
	return sockets;
}

/** The page's scripts arrive `ms` late, as on a slow network; returns when the first came. */
async function lateScripts(page: Page, ms: number) {
	const first = { at: Infinity };
	await page.route('**/_app/immutable/**', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, ms));
		first.at = Math.min(first.at, Date.now());
		await route.continue();
	});
	return first;
}

test('the live connection opens while the page’s scripts load, and the page uses it', async ({
	browser,
	page,
	checkA11y
}) => {
	const chairPage = await open(browser, '/');
	const meeting = await liveMeeting(page.request, chairPage.request);
	const sockets = watchSockets(page);
	const scripts = await lateScripts(page, 1500);
	const posts: string[] = [];
	page.on('request', (r) => {
		if (r.method() === 'POST') posts.push(r.url());
	});
	await page.goto(`${meeting.path}/live`);
	await expect
		.poll(() => sockets.some((s) => s.sent.some((f) => f.includes('meeting:join'))))
		.toBe(true);
	// One connection, opened by the page's head before any script came, then taken over.
	expect(sockets).toHaveLength(1);
	expect(sockets[0].closed).toBe(false);
	expect(sockets[0].url).toContain('/socket.io/?EIO=4&transport=websocket');
	expect(sockets[0].at).toBeLessThan(scripts.at);
	await page.getByLabel('Your question').fill('Who reviews the stop-and-search figures?');
	await page.getByRole('button', { name: 'Send question' }).click();
	await expect(page.getByText('Your question has been sent.')).toBeVisible();
	expect(sockets[0].sent.some((f) => f.includes('question:ask'))).toBe(true);
	expect(posts).toEqual([]);
	await checkA11y(page);
});

test('an early connection the scripts came too late for is closed, and the page opens its own', async ({
	browser,
	page,
	checkA11y
}) => {
	const chairPage = await open(browser, '/');
	const meeting = await liveMeeting(page.request, chairPage.request);
	const sockets = watchSockets(page);
	await lateScripts(page, 3000);
	// The head's wait for the scripts runs out before they come (30 s, the clock moved on).
	await page.clock.install();
	await page.goto(`${meeting.path}/live`, { waitUntil: 'commit' });
	await expect.poll(() => sockets.length).toBe(1);
	await page.clock.fastForward('00:31');
	await expect
		.poll(() => sockets.some((s) => s.sent.some((f) => f.includes('meeting:join'))))
		.toBe(true);
	expect(sockets).toHaveLength(2);
	expect(sockets[0].sent).toEqual([]);
	expect(sockets[0].closed).toBe(true);
	await checkA11y(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('an attendee asks and votes with plain form posts', async ({ browser, page, checkA11y }) => {
		const helper = await open(browser, '/');
		const meeting = await liveMeeting(helper.request, (await open(browser, '/')).request);
		await page.goto(`${meeting.path}/live`);
		await checkA11y(page);
		await page.getByLabel('Your question').fill('Are British suspects checked in the same way?');
		await page.getByRole('button', { name: 'Send question' }).click();
		await expect(page.getByText('Your question has been sent.')).toBeVisible();
		await checkA11y(page);
		const item = page.getByRole('article').filter({ hasText: 'Are British suspects' });
		await item.getByRole('button', { name: 'Vote for this question' }).click();
		await expect(item).toContainText(/\b1 vote(?!s)/);
		await checkA11y(page);
		// A second vote from the same browser is still one vote; taking it back leaves none.
		await item.getByRole('button', { name: 'Take back my vote' }).click();
		await expect(item).toContainText('0 votes');
		await checkA11y(page);
	});
});

for (const javaScriptEnabled of [true, false]) {
	test.describe(
		javaScriptEnabled
			? 'questions in advance, with JavaScript'
			: 'questions in advance, without JavaScript',
		() => {
			test.use({ javaScriptEnabled });

			test('a question asked and voted on before the meeting carries into it with its vote', async ({
				browser,
				page,
				checkA11y
			}) => {
				const chairPage = await open(browser, '/');
				const meeting = await liveMeeting(
					(await open(browser, '/')).request,
					chairPage.request,
					'open',
					['scheduled']
				);
				const question = 'Will the Service publish its stop-and-search figures monthly?';
				await page.goto(meeting.path);
				await checkA11y(page);
				await page.getByRole('link', { name: 'Questions in advance' }).click();
				await expect(page.getByText('The meeting has not started yet.')).toBeVisible();
				await checkA11y(page);
				await page.getByLabel('Your question').fill(question);
				await page.getByRole('button', { name: 'Send question' }).click();
				await expect(page.getByText('Your question has been sent.')).toBeVisible();
				const item = page.getByRole('article').filter({ hasText: question });
				await item.getByRole('button', { name: 'Vote for this question' }).click();
				await expect(item).toContainText(/\b1 vote(?!s)/);
				await checkA11y(page);

				const started = await chairPage.request.patch(
					`/api/v1${meeting.path.replace('/g/', '/groups/')}`,
					{
						data: { state: 'live' }
					}
				);
				expect(started.status()).toBe(200);
				// With JavaScript the open page learns it at once; without, on its next load.
				if (!javaScriptEnabled) await page.reload();
				await expect(page.getByText('The meeting has not started yet.')).toBeHidden();
				await expect(item).toContainText(/\b1 vote(?!s)/);
				await expect(item.getByRole('button', { name: 'Take back my vote' })).toBeVisible();
			});
		}
	);
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(
		javaScriptEnabled ? 'room code, with JavaScript' : 'room code, without JavaScript',
		() => {
			test.use({ javaScriptEnabled });

			test('an attendee gets in by the screen’s QR link, another by typing the code', async ({
				browser,
				page,
				checkA11y
			}) => {
				const chairPage = await open(browser, '/');
				const meeting = await liveMeeting(page.request, chairPage.request, 'room_code');
				// The projector's screen, signed in as an officer, shows the code and carries it in the QR.
				await chairPage.goto(`${meeting.path}/screen`);
				await checkA11y(chairPage);
				const code = (await chairPage.locator('.join .code').textContent())!.replace(/\s/g, '');
				expect(code).toMatch(/^[A-Z2-9]{8}$/);
				// The public copy of the screen does not show it.
				const publicScreen = await open(browser, `${meeting.path}/screen`, javaScriptEnabled);
				await checkA11y(publicScreen);
				await expect(publicScreen.getByText(code)).toHaveCount(0);

				// Scanned: the QR link admits the phone at once, drawn without a redirect; the page's
				// script drops the code from the address, and without it the first post does.
				const scanned = await open(browser, `${meeting.path}/live?code=${code}`, javaScriptEnabled);
				// With JavaScript the question goes over the live connection: no form post, no error
				// (dropping the code from the address once threw during hydration, and the page
				// never connected: its forms still worked, by posting).
				const posts: string[] = [];
				const errors: string[] = [];
				scanned.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
				scanned.on('pageerror', (e) => errors.push(e.message));
				await checkA11y(scanned);
				if (javaScriptEnabled) await expect(scanned).toHaveURL(`${meeting.path}/live`);
				await scanned.getByLabel('Your question').fill('Who checks the records sent from abroad?');
				await scanned.getByRole('button', { name: 'Send question' }).click();
				await expect(scanned.getByText('Your question has been sent.')).toBeVisible();
				expect(scanned.url()).not.toContain(code);
				if (javaScriptEnabled) expect({ posts, errors }).toEqual({ posts: [], errors: [] });
				await checkA11y(scanned);

				// Typed: a wrong code is refused with a clear message, the right one lets them in.
				await page.goto(`${meeting.path}/live`);
				await checkA11y(page);
				await expect(page.getByText('enter the room code shown on the screen')).toBeVisible();
				await expect(page.getByLabel('Your question')).toHaveCount(0);
				await page.getByLabel('Room code').fill('WRONG000');
				await page.getByRole('button', { name: 'Enter' }).click();
				await expect(page.locator('#field-code-error')).toContainText(
					'That is not this meeting’s room code.'
				);
				await checkA11y(page);
				await page.getByLabel('Room code').fill(code.toLowerCase());
				await page.getByRole('button', { name: 'Enter' }).click();
				await expect(page.getByText('Room code accepted')).toBeVisible();
				await checkA11y(page);
				const item = page.getByRole('article').filter({ hasText: 'Who checks the records' });
				await item.getByRole('button', { name: 'Vote for this question' }).click();
				await expect(item).toContainText(/\b1 vote(?!s)/);
				await checkA11y(page);
			});
		}
	);
}
