import { randomInt } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
	longQuestions,
	axeTags,
	checkA11y,
	expect,
	expectControlsAtLeast24,
	expectNoSidewaysScroll,
	liveMeeting,
	test
} from './fixtures';

/**
 * Issue 17: every kind of page on the smallest phones (320 px), with text at 200 %, in the dark
 * and the light theme, with reduced motion; and the hall's screen read from the back of the room.
 * One seeded group serves every test, one browser context per setting: this spec must stay quick.
 */

type Seeded = {
	pages: string[];
	livePath: string;
	screenPath: string;
	/** The chair's cookies: the screen shows the room code to officers only. */
	chairState: Awaited<ReturnType<BrowserContext['storageState']>>;
};
let seeded: Seeded;

/** One client address for this file's own contexts (sign-in is rate limited per address). */
const headers = {
	'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`
};

async function ok(answer: Promise<import('@playwright/test').APIResponse>, status = [200, 201]) {
	const response = await answer;
	expect(status, `${response.url()}: ${await response.text()}`).toContain(response.status());
	return response.json().catch(() => undefined);
}

const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Through the API: a group with a live meeting (1) with questions, a deferred one and an
 * unanswered one in the ledger, a closed meeting (2) with published minutes, and a refused
 * application in the register and the decision log.
 */
async function seed(browser: Browser): Promise<Seeded> {
	const admin = await browser.newContext({ extraHTTPHeaders: headers });
	const chair = await browser.newContext({ extraHTTPHeaders: headers });
	const { group, path } = await liveMeeting(admin.request, chair.request, 'open');
	const api = `/api/v1/groups/${group.slug}`;
	await ok(chair.request.post(`${api}/meetings/1/room-code`));

	const questions = longQuestions;
	const ids: string[] = [];
	// Three questions per participant (a meeting's default cap): three attendees.
	for (const batch of [questions.slice(0, 3), questions.slice(3, 6), questions.slice(6)]) {
		const attendee = await browser.newContext({ extraHTTPHeaders: headers });
		await attendee.request.get(`${path}/live`); // the participant token
		for (const text of batch) {
			const asked = await ok(
				attendee.request.post(`${api}/meetings/1/questions`, { data: { text, anonymous: true } })
			);
			ids.push(asked.id);
		}
		await attendee.close();
	}
	const moderate = (id: string, data: object) =>
		ok(chair.request.post(`${api}/questions/${id}/moderate`, { data }));
	await moderate(ids[6], { action: 'pin' });
	await moderate(ids[0], {
		action: 'status',
		status: 'deferred',
		owner: 'The Service',
		dueOn: day(14)
	});
	await moderate(ids[1], { action: 'status', status: 'not_answered' });

	// Meeting 2: held and closed, its generated draft published as minutes.
	const start = new Date(Date.now() + 86_400_000);
	const created = await ok(
		chair.request.post(`${api}/meetings`, {
			data: {
				title: 'Custody suites: the quarterly figures',
				startsAt: start.toISOString(),
				endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
				location: 'Riverside community centre'
			}
		})
	);
	for (const state of ['scheduled', 'live', 'closed']) {
		await ok(chair.request.patch(`${api}/meetings/${created.number}`, { data: { state } }));
	}
	await ok(chair.request.post(`${api}/meetings/${created.number}/minutes/publish`, { data: {} }));

	// An application, refused with its public reason.
	const application = await ok(
		chair.request.post(`${api}/applications`, {
			data: {
				organisation: {
					name: 'Riverside Refugee Forum',
					category: 'other',
					area: 'Riverside',
					description: 'A forum of refugee community organisations.'
				},
				contact: { name: 'Amal Haddad', email: 'amal@forum.example' },
				statement: 'We support people held in the custody suites and their families.'
			}
		})
	);
	await ok(
		chair.request.post(`${api}/applications/${application.id}/decision`, {
			data: {
				outcome: 'refused',
				reason: 'The forum works outside the area of the operation.'
			}
		})
	);

	const chairState = await chair.storageState();
	await admin.close();
	await chair.close();
	const g = `/g/${group.slug}`;
	return {
		pages: [
			'/',
			'/help',
			'/search?q=interpreters',
			'/login',
			'/signup',
			'/join',
			g,
			`${g}/meetings`,
			`${g}/meetings/${created.number}`,
			`${g}/meetings/${created.number}/minutes`,
			`${g}/ledger`,
			`${g}/applications`,
			`${g}/applications/${application.id}`,
			`${g}/members`,
			`${g}/decisions`,
			`${g}/officers`,
			`${g}/apply`,
			`${path}/live`,
			`${path}/screen`
		],
		livePath: `${path}/live`,
		screenPath: `${path}/screen`,
		chairState
	};
}

test.beforeAll(async ({ browser }) => {
	seeded = await seed(browser);
});

/** A context of this file's own, closed when the test ends. */
async function contextFor(browser: Browser, options: Parameters<Browser['newContext']>[0]) {
	const context = await browser.newContext({ extraHTTPHeaders: headers, ...options });
	contexts.push(context);
	return context;
}
const contexts: BrowserContext[] = [];
test.afterEach(async () => {
	for (const context of contexts.splice(0)) await context.close();
});

/**
 * Elements (other than visually hidden ones) that hide part of their text: `overflow` hidden or
 * clipped with more content than room. A line clamp or an ellipsis is the design saying so (the
 * projector's screen keeps questions to two lines; the live page has them in full): left out.
 */
function clippedText(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLElement>('body *')].flatMap((element) => {
			const style = getComputedStyle(element);
			const clipsX = /hidden|clip/.test(style.overflowX);
			const clipsY = /hidden|clip/.test(style.overflowY);
			if (!clipsX && !clipsY) return [];
			if (!element.innerText?.trim()) return [];
			const box = element.getBoundingClientRect();
			if (box.width <= 2 || box.height <= 2) return []; // visually hidden, for screen readers
			if (style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none') return [];
			const cut =
				(clipsX && element.scrollWidth > element.clientWidth + 1) ||
				(clipsY && element.scrollHeight > element.clientHeight + 1);
			return cut ? [`${element.outerHTML.slice(0, 100)}`] : [];
		})
	);
}

/** Every element's transition and animation durations, where any is above `limitMs`. */
function moving(page: Page, limitMs: number) {
	return page.evaluate((limit) => {
		const ms = (list: string) =>
			Math.max(
				...list
					.split(',')
					.map((d) => (d.trim().endsWith('ms') ? parseFloat(d) : parseFloat(d) * 1000))
			);
		return [...document.querySelectorAll<HTMLElement>('*')].flatMap((element) => {
			const found: string[] = [];
			for (const pseudo of [null, '::before', '::after']) {
				const style = getComputedStyle(element, pseudo);
				const longest = Math.max(ms(style.transitionDuration), ms(style.animationDuration));
				if (longest > limit) found.push(`${element.tagName}${pseudo ?? ''} ${longest} ms`);
			}
			return found;
		});
	}, limitMs);
}

test('at 320 px, light theme, reduced motion: no sideways scroll, targets of 24 px, axe clean', async ({
	browser
}) => {
	const context = await contextFor(browser, {
		viewport: { width: 320, height: 640 },
		colorScheme: 'light',
		reducedMotion: 'reduce'
	});
	const page = await context.newPage();
	for (const path of seeded.pages) {
		await page.goto(path);
		await checkA11y(page);
		await expectNoSidewaysScroll(page);
		await expectControlsAtLeast24(page);
		expect(await moving(page, 10), `${path}: moves despite reduced motion`).toEqual([]);
	}
	// axe turns its target-size rule (2.5.8) off by default; the wcag22aa tag checkA11y asks for
	// turns it on. Held here so that an upgrade cannot drop it unnoticed.
	await page.goto(seeded.livePath);
	const results = await new AxeBuilder({ page }).withTags(axeTags).setLegacyMode(true).analyze();
	const ran = [...results.passes, ...results.violations, ...results.incomplete].map((r) => r.id);
	expect(ran).toContain('target-size');
});

test('dark theme at 1280 px: every page axe clean (contrast included); nothing moves', async ({
	browser
}) => {
	const context = await contextFor(browser, {
		viewport: { width: 1280, height: 720 },
		colorScheme: 'dark'
	});
	const page = await context.newPage();
	for (const path of seeded.pages) {
		await page.goto(path);
		await checkA11y(page);
		// Nothing moves even without a preference (app.css stops anything added later for those
		// who ask for less motion; the 320 px test checks that).
		expect(await moving(page, 0), `${path}: moves`).toEqual([]);
	}
	// The theme did apply: the page is dark (its paper, --paper, in app.css).
	const paper = await page.evaluate(
		() => getComputedStyle(document.documentElement).backgroundColor
	);
	expect(paper).toBe('rgb(18, 22, 25)');
});

/**
 * WCAG 1.4.4 (resize text to 200 %). Emulated as a reader who doubles the browser's text size
 * (Chromium's font-size setting, 16 → 32 px, through the DevTools protocol) on a 1280 px screen:
 * every rem and em doubles, media queries in rem answer as they would for that reader, and px
 * stay as they are. The two alternatives test less: a 640 px viewport at device scale factor 2
 * is only a narrower screen (320 px is tested above), and `html { font-size: 200% }` doubles
 * the text but leaves the media queries where they were, a page no reader ever sees.
 */
test('text at 200 % on a 1280 px screen: no sideways scroll, no text cut off', async ({
	browser
}) => {
	const context = await contextFor(browser, { viewport: { width: 1280, height: 720 } });
	const page = await context.newPage();
	const devtools = await context.newCDPSession(page);
	await devtools.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
	for (const path of seeded.pages) {
		await page.goto(path);
		expect(
			await page.evaluate(() => getComputedStyle(document.documentElement).fontSize),
			`${path}: the text size did not apply`
		).toBe('32px');
		await expectNoSidewaysScroll(page);
		expect(await clippedText(page), `${path}: text cut off`).toEqual([]);
	}
});

/**
 * Nothing to scroll; the pinned question and every listed one in full view (those that would
 * not fit are left out), at least `least` of them.
 */
async function expectScreenFits(page: Page, label: string, least = 1) {
	const scroll = await page.evaluate(() => ({
		x: document.documentElement.scrollWidth - document.documentElement.clientWidth,
		y: document.documentElement.scrollHeight - document.documentElement.clientHeight
	}));
	expect(scroll, `${label}: the screen scrolls`).toEqual({ x: 0, y: 0 });
	await expect(page.getByRole('region', { name: 'Being answered now' })).toBeInViewport({
		ratio: 1
	});
	const items = page.getByRole('region', { name: 'Top questions' }).getByRole('listitem');
	expect(await items.count(), label).toBeGreaterThanOrEqual(least);
	for (const item of await items.all()) await expect(item).toBeInViewport({ ratio: 1 });
	await expect(page.locator('.code')).toBeInViewport({ ratio: 1 });
}

test('the screen from the back of the hall: a large code and QR code, a text size control kept across reloads', async ({
	browser
}) => {
	const context = await contextFor(browser, {
		viewport: { width: 1280, height: 720 },
		storageState: seeded.chairState
	});
	const page = await context.newPage();
	await page.goto(seeded.screenPath);
	await checkA11y(page);
	const px = (selector: string) =>
		page.locator(selector).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));

	// The code and the QR code read from afar at 1280×720.
	const code = page.locator('.code');
	await expect(code).toHaveText(/^[A-Z2-9]{4} [A-Z2-9]{4}$/);
	expect(await px('.code')).toBeGreaterThanOrEqual(48);
	const qr = await page.getByRole('img', { name: /Join and ask/ }).boundingBox();
	expect(qr!.width).toBeGreaterThanOrEqual(200);
	// The questions' text: at least 20 px before any enlarging.
	const normal = await px('.screen');
	expect(normal).toBeGreaterThanOrEqual(20);
	await expectScreenFits(page, 'default size', 5);

	// By keyboard: the buttons are the page's first controls after the skip link.
	const larger = page.getByRole('button', { name: 'Larger text' });
	const smaller = page.getByRole('button', { name: 'Smaller text' });
	const size = page.getByRole('group', { name: 'Text size on the screen' }).locator('output');
	await expect(size).toHaveText('Text size 100%');
	for (let i = 0; i < 4 && !(await larger.evaluate((e) => e === document.activeElement)); i++) {
		await page.keyboard.press('Tab');
	}
	await expect(larger).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(size).not.toHaveText('Text size 100%');
	const first = await px('.screen');
	expect(first).toBeGreaterThan(normal);
	await page.keyboard.press(' ');
	expect(await px('.screen')).toBeGreaterThan(first);
	// To the largest step; the screen still fits at each (showing fewer questions if need be).
	const sizes = [normal, first, await px('.screen')];
	while ((await larger.getAttribute('aria-disabled')) !== 'true') {
		await expectScreenFits(page, `${await size.textContent()}`);
		await page.keyboard.press('Enter');
		sizes.push(await px('.screen'));
	}
	await expectScreenFits(page, 'the largest size');
	expect(sizes.length, 'at least three sizes').toBeGreaterThanOrEqual(3);
	expect(sizes.at(-1)!).toBeGreaterThanOrEqual(normal * 1.5);
	await checkA11y(page);

	// Kept in this browser: a reload (the projector's laptop restarted) shows the same size.
	const largest = await size.textContent();
	await page.reload();
	await expect(size).toHaveText(largest!);
	expect(await px('.screen')).toBe(sizes.at(-1));
	await page.setViewportSize({ width: 1920, height: 1080 });
	await expectScreenFits(page, 'the largest size at 1920×1080');

	// And back down, with the mouse this time, to the smallest.
	const widest = await px('.screen');
	while ((await smaller.getAttribute('aria-disabled')) !== 'true') await smaller.click();
	expect(await px('.screen')).toBeLessThan(widest / 1.5);
	await expectScreenFits(page, 'the smallest size at 1920×1080', 5);
	await checkA11y(page);
});
