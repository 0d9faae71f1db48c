import type { Browser, Page } from '@playwright/test';
import {
	longQuestions,
	expect,
	expectControlsAtLeast24,
	expectNoSidewaysScroll,
	liveMeeting,
	newPage as open,
	switchLanguage,
	test
} from './fixtures';

/** Issue 20: getting in from the room, the phone, the projector screen, controls. */

test('starting a meeting with “Make a join code” ticked makes a code, as a browser posts the form', async ({
	browser,
	page,
	checkA11y
}) => {
	const chairPage = await open(browser, '/');
	// Open to anyone: only the checkbox can ask for a code.
	const meeting = await liveMeeting(page.request, chairPage.request, 'open', ['scheduled']);
	await chairPage.goto(`${meeting.path}/edit`);
	await checkA11y(chairPage);
	await expect(chairPage.getByLabel('Make a join code for live questions')).toBeChecked();
	await chairPage.getByRole('button', { name: 'Start the meeting' }).click();
	await expect(chairPage.getByRole('status')).toContainText('Under way');
	await checkA11y(chairPage);
	await chairPage.goto(meeting.path);
	await checkA11y(chairPage);
	await expect(chairPage.getByText(/Join code for live questions: [A-Z2-9]{8}/)).toBeVisible();
});

const phone = { width: 390, height: 844 };
const shots = process.env.SCREENSHOTS_DIR; // e.g. /tmp/b-shots: pictures of each page to look at
async function shoot(page: Page, name: string) {
	if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: false });
}

/** Each in a browser of its own (so each is a participant of its own): asks through the API. */
async function askAsAttendees(browser: Browser, path: string, texts: string[], code?: string) {
	const [, slug, , n] = path.split('/').filter(Boolean);
	const ids: string[] = [];
	for (const text of texts) {
		const context = await browser.newContext();
		// Issues the participant token (and with a code, admits it through the short address).
		await context.request.get(code ? `/join?code=${code}` : `${path}/live`);
		const asked = await context.request.post(`/api/v1/groups/${slug}/meetings/${n}/questions`, {
			data: { text, anonymous: true }
		});
		expect(asked.status(), await asked.text()).toBe(201);
		ids.push((await asked.json()).id);
		await context.close();
	}
	return ids;
}

/** Chart labels (BarChart's SVG text, scaled to the screen) are at least 11 px tall. */
async function expectReadableCharts(page: Page) {
	const heights = await page
		.locator('figure.chart svg text')
		.evaluateAll((texts) =>
			texts
				.filter((t) => (t as SVGTextElement).getClientRects().length > 0)
				.map((t) => Math.round(t.getBoundingClientRect().height))
		);
	expect(
		heights.filter((h) => h < 11),
		`chart labels under 11 px on ${page.url()}`
	).toEqual([]);
	return heights.length;
}

test('on a phone: the header’s Join link, a typed code at /join, then the question box on the first screen', async ({
	browser,
	page,
	checkA11y
}) => {
	const chairPage = await open(browser, '/');
	const meeting = await liveMeeting(page.request, chairPage.request, 'room_code');
	const [, slug, , n] = meeting.path.split('/').filter(Boolean);
	const { roomCode } = await (
		await chairPage.request.get(`/api/v1/groups/${slug}/meetings/${n}/room-code`)
	).json();
	expect(roomCode).toMatch(/^[A-Z2-9]{8}$/);

	const attendee = await (await browser.newContext({ viewport: phone })).newPage();
	await attendee.goto('/');
	await checkA11y(attendee);
	// Live now, on the home page, straight to the live page.
	const liveNow = attendee.getByRole('region', { name: 'Live now' });
	await expect(liveNow.getByRole('link', { name: /Operation Harbour/ }).first()).toBeVisible();
	// The menu is folded on a phone; the Join link is not.
	await expect(attendee.getByRole('link', { name: 'Sign in' })).toBeHidden();
	await expect(attendee.getByRole('link', { name: 'Join', exact: true })).toBeVisible();
	await shoot(attendee, 'phone-home');
	const header = await attendee.locator('.site-header').boundingBox();
	expect(header!.height).toBeLessThan(80);
	await attendee.getByText('Menu', { exact: true }).click();
	await expect(attendee.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await expect(attendee.getByRole('searchbox', { name: 'Search the site' })).toBeVisible();
	await expect(attendee.getByLabel('Language', { exact: true })).toBeVisible();
	await shoot(attendee, 'phone-menu-open');
	await checkA11y(attendee);
	await attendee.getByRole('link', { name: 'Join', exact: true }).click();
	await expect(attendee).toHaveURL('/join');
	await checkA11y(attendee);
	await expectControlsAtLeast24(attendee);

	// A wrong code: a clear error, the code kept.
	await attendee.getByRole('textbox', { name: 'Room code' }).fill('WRONG234');
	await attendee.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(attendee.getByRole('alert')).toContainText('No meeting is live with this code');
	await expect(attendee.getByRole('textbox', { name: 'Room code' })).toHaveValue('WRONG234');
	await expect(attendee.getByRole('textbox', { name: 'Room code' })).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await shoot(attendee, 'phone-join-wrong');
	await checkA11y(attendee);

	// The right one, as people type it.
	await attendee
		.getByLabel('Room code')
		.fill(`${roomCode.slice(0, 4).toLowerCase()} ${roomCode.slice(4)}`);
	await attendee.getByRole('button', { name: 'Join', exact: true }).click();
	await expect(attendee).toHaveURL(`${meeting.path}/live`);
	await checkA11y(attendee);
	const box = attendee.getByLabel('Your question');
	const send = attendee.getByRole('button', { name: 'Send question' });
	await expect(box).toBeVisible();
	await expect(send).toBeVisible();
	// Both on the first screen, without scrolling.
	expect(await attendee.evaluate(() => window.scrollY)).toBe(0);
	const sendBox = await send.boundingBox();
	expect(sendBox!.y + sendBox!.height).toBeLessThanOrEqual(phone.height);
	await shoot(attendee, 'phone-live');
	await expectControlsAtLeast24(attendee);
	await box.fill('Where are the figures for the last quarter?');
	await send.click();
	await expect(attendee.getByText('Your question has been sent.')).toBeVisible();
	await attendee.context().close();
});

test('scanned: the screen’s QR code admits a phone at once; the screen fits a projector', async ({
	browser,
	page,
	checkA11y
}) => {
	const chairPage = await open(browser, '/');
	const meeting = await liveMeeting(page.request, chairPage.request, 'room_code');
	const [, slug, , n] = meeting.path.split('/').filter(Boolean);
	const { roomCode } = await (
		await chairPage.request.get(`/api/v1/groups/${slug}/meetings/${n}/room-code`)
	).json();
	const texts = longQuestions;
	const ids = await askAsAttendees(browser, meeting.path, texts, roomCode);
	const pinned = await chairPage.request.post(
		`/api/v1/groups/${slug}/questions/${ids[6]}/moderate`,
		{
			data: { action: 'pin' }
		}
	);
	expect(pinned.status(), await pinned.text()).toBe(200);

	for (const viewport of [
		{ width: 1280, height: 720 },
		{ width: 1920, height: 1080 }
	]) {
		await chairPage.setViewportSize(viewport);
		await chairPage.goto(`${meeting.path}/screen`);
		await checkA11y(chairPage);
		await shoot(chairPage, `screen-${viewport.width}`);
		// Nothing to scroll, and the pinned question and five more in full view.
		const scroll = await chairPage.evaluate(() => ({
			x: document.documentElement.scrollWidth - document.documentElement.clientWidth,
			y: document.documentElement.scrollHeight - document.documentElement.clientHeight
		}));
		expect(scroll).toEqual({ x: 0, y: 0 });
		await expect(chairPage.getByRole('region', { name: 'Being answered now' })).toContainText(
			texts[6]
		);
		const items = chairPage.getByRole('region', { name: 'Top questions' }).getByRole('listitem');
		await expect(items).toHaveCount(5);
		for (const item of await items.all()) {
			await expect(item).toBeInViewport({ ratio: 1 });
		}
		await expect(chairPage.getByRole('region', { name: 'Being answered now' })).toBeInViewport({
			ratio: 1
		});
		// The code and the short address, large; the QR code beside them.
		const code = chairPage.locator('.code');
		await expect(code).toBeInViewport({ ratio: 1 });
		expect((await code.boundingBox())!.height).toBeGreaterThan(viewport.height / 14);
		await expect(chairPage.getByText(/127\.0\.0\.1:\d+\/join$/)).toBeVisible();
		await expect(chairPage.getByRole('img', { name: /Join and ask/ })).toBeInViewport({ ratio: 1 });
		// The site's column is not the screen's: the questions use the width.
		const list = await items.first().boundingBox();
		expect(list!.width).toBeGreaterThan(viewport.width * 0.5);
	}
	// What the QR code carries: the live page's address with the code (no redirect on a phone).
	const label = await chairPage
		.getByRole('img', { name: /Join and ask/ })
		.getAttribute('aria-label');
	const scanned = /https?:\/\/\S+/.exec(label ?? '')![0];
	expect(new URL(scanned).pathname).toBe(`${meeting.path}/live`);
	expect(new URL(scanned).searchParams.get('code')).toMatch(/^[A-Z2-9]{8}$/);
	const phonePage = await (await browser.newContext({ viewport: phone })).newPage();
	await phonePage.goto(scanned);
	await expect(phonePage).toHaveURL(`${meeting.path}/live`);
	await checkA11y(phonePage);
	await expect(phonePage.getByLabel('Your question')).toBeVisible();
	await expect(phonePage.getByRole('textbox', { name: /room code/i })).toHaveCount(0);
	await phonePage.context().close();
});

test('live now on the group page; no sideways scrolling at 320 px; controls at least 24×24', async ({
	browser,
	page,
	checkA11y
}) => {
	const chairPage = await open(browser, '/');
	const meeting = await liveMeeting(page.request, chairPage.request, 'open');
	const [, slug] = meeting.path.split('/').filter(Boolean);
	await askAsAttendees(browser, meeting.path, ['Is the 320 px layout readable on a cheap phone?']);
	const small = await (
		await browser.newContext({ viewport: { width: 320, height: 640 } })
	).newPage();
	await small.goto(`/g/${slug}`);
	await checkA11y(small);
	await shoot(small, 'group-320');
	await expectNoSidewaysScroll(small);
	const liveNow = small.getByRole('region', { name: 'Live now' });
	await liveNow.getByRole('link', { name: /Operation Harbour/ }).click();
	await expect(small).toHaveURL(`${meeting.path}/live`);
	await checkA11y(small);
	await shoot(small, 'live-320');
	await expectNoSidewaysScroll(small);
	await expectControlsAtLeast24(small);
	// The named question's name field (it had no type, and rendered 18 px tall).
	await small.getByLabel('Ask anonymously').uncheck();
	const name = small.getByRole('textbox', { name: /Your name/ });
	expect((await name.boundingBox())!.height).toBeGreaterThanOrEqual(40);
	await expectControlsAtLeast24(small);
	let charts = 0;
	for (const path of [
		`/g/${slug}/members`,
		`/g/${slug}/ledger`,
		`/g/${slug}/meetings`,
		'/search?q=board'
	]) {
		await small.goto(path);
		await checkA11y(small);
		await expectNoSidewaysScroll(small);
		await expectControlsAtLeast24(small);
		charts += await expectReadableCharts(small);
	}
	// The members and ledger pages draw their charts even for a new group (zeros, not nothing).
	expect(charts).toBeGreaterThan(0);
	// After a search, a result on the first screen, the filters folded away.
	await small.goto('/search?q=cheap+phone');
	await checkA11y(small);
	await shoot(small, 'search-320');
	const first = small.locator('.results li').first();
	await expect(first).toContainText('Is the 320 px layout readable on a cheap phone?');
	expect((await first.boundingBox())!.y).toBeLessThan(640 - 60);
	await expect(small.getByLabel('Group', { exact: true })).toBeHidden();
	await small.getByText('Filters: group and dates').click();
	await expect(small.getByLabel('Group', { exact: true })).toBeVisible();
	await expectNoSidewaysScroll(small);
	// In Arabic, right to left: the same, with the menu's language switcher.
	await small.goto(meeting.path + '/live');
	await small.getByText('Menu', { exact: true }).click();
	await switchLanguage(small, { label: 'Language', button: 'Change language' }, 'العربية');
	await expect(small.locator('html')).toHaveAttribute('dir', 'rtl');
	await checkA11y(small);
	await shoot(small, 'live-320-ar');
	await expectNoSidewaysScroll(small);
	await small.goto(`/g/${slug}`);
	await checkA11y(small);
	await shoot(small, 'group-320-ar');
	await expectNoSidewaysScroll(small);
	await expect(small.getByRole('region', { name: 'مباشر الآن' })).toBeVisible();
	await small.context().close();
	// Wide: the header in one row, its Join link there too.
	await page.goto(`/g/${slug}`);
	await checkA11y(page);
	await expect(page.getByRole('link', { name: 'Join', exact: true })).toBeVisible();
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' })
	).toBeVisible();
	await expect(page.getByText('Menu', { exact: true })).toBeHidden();
	await expect(page.getByRole('searchbox', { name: 'Search the site' })).toBeVisible();
	await shoot(page, 'group-desktop');
});
