import { spawnSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { expect, liveMeeting, newPage as open, test } from './fixtures';

// Issue 20, items 3 and 8: tables that become cards on a phone, plurals, user text isolated.
// The demo story (an overdue commitment, refusals with reasons, figures) is loaded into the
// running app through its admin socket: this file runs last (alphabetically), after the others.
test.beforeAll(() => {
	// The e2e server runs on its embedded database, whatever DATABASE_URL the suite was given
	// (CI sets it for the integration tests): the demo goes there, through its admin socket.
	const { DATABASE_URL: _db, REDIS_URL: _redis, ...env } = process.env;
	const loaded = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/demo.ts'], {
		env: { ...env, DATA_DIR: '.test-data/e2e' },
		encoding: 'utf8'
	});
	expect(loaded.status, loaded.stderr).toBe(0);
});
test.setTimeout(120_000);

const pages = {
	register: '/g/harbour/applications',
	ledger: '/g/harbour/ledger',
	members: '/g/harbour/members',
	decisions: '/g/harbour/decisions',
	actions: '/g/harbour/meetings/1/actions'
};

/** What the page shows of every table: widths, and each cell's label against its column's. */
function measure(page: Page) {
	return page.evaluate(() => {
		const root = document.documentElement;
		return {
			document: { scroll: root.scrollWidth, client: root.clientWidth },
			tables: [...document.querySelectorAll<HTMLElement>('.table-scroll')].map((box) => {
				const headers = [...box.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
				const cells = [...box.querySelectorAll<HTMLElement>('tbody > tr > *')].map((cell) => {
					const before = getComputedStyle(cell, '::before').content;
					const box = cell.getBoundingClientRect();
					return {
						column: headers[[...cell.parentElement!.children].indexOf(cell)],
						// `"Label"`, or `"Label" / ""` where the label is hidden from screen readers.
						label: before === 'none' ? null : (JSON.parse(before.split(' / ')[0]) as string),
						shown: getComputedStyle(cell).display !== 'none' && box.width > 0,
						right: box.right,
						left: box.left
					};
				});
				return {
					scroll: box.scrollWidth,
					client: box.clientWidth,
					display: getComputedStyle(box.querySelector('table')!).display,
					cells
				};
			})
		};
	});
}

async function viewAt(browser: Browser, width: number, height: number, path: string) {
	const context = await browser.newContext({ viewport: { width, height } });
	const page = await context.newPage();
	await page.goto(path);
	return page;
}

for (const [width, height] of [
	[390, 844],
	[320, 640]
]) {
	test(`at ${width} px every table is cards: every column labelled, nothing scrolls sideways`, async ({
		browser,
		checkA11y
	}) => {
		for (const [name, path] of Object.entries(pages)) {
			const page = await viewAt(browser, width, height, path);
			await checkA11y(page);
			const seen = await measure(page);
			expect(seen.document.scroll, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(
				seen.document.client
			);
			for (const table of seen.tables) {
				expect(table.scroll, `${name}: a table scrolls sideways`).toBeLessThanOrEqual(table.client);
				expect(table.display).toBe('block');
				for (const cell of table.cells.filter((c) => c.shown)) {
					expect(cell.label, `${name}: a cell of ${cell.column}`).toBe(cell.column);
					expect(cell.right).toBeLessThanOrEqual(width);
					expect(cell.left).toBeGreaterThanOrEqual(0);
				}
			}
			if (name !== 'decisions') expect(seen.tables.length, name).toBeGreaterThan(0);
			if (width === 390)
				await page.screenshot({ path: `/tmp/c-e2e-${name}-390.png`, fullPage: true });
			await page.context().close();
		}
	});
}

test('on a phone an overdue commitment still stands out, its status and due date in view', async ({
	browser,
	checkA11y
}) => {
	const page = await viewAt(browser, 390, 844, pages.ledger);
	await checkA11y(page);
	const overdue = page.locator('table.ledger tr.overdue').first();
	await overdue.scrollIntoViewIfNeeded();
	await expect(overdue.getByText('Overdue', { exact: true })).toBeVisible();
	const edge = await overdue.evaluate((row) => {
		const style = getComputedStyle(row);
		return { color: style.borderInlineStartColor, width: style.borderInlineStartWidth };
	});
	expect(edge).toEqual({ color: 'rgb(164, 22, 26)', width: '6px' });
	// Its due date and status are in the card, each with its label (no hidden columns).
	await expect(overdue.locator('time')).toBeVisible();
	await page.context().close();
});

// Issue 20: the demo group closed membership with a review date 30 days ago. Both pages must say
// the date has passed (and that applications are still refused), in the same words.
for (const [width, height] of [
	[390, 844],
	[1920, 1080]
]) {
	test(`at ${width} px the group page and the apply page agree that the review date has passed`, async ({
		browser,
		checkA11y
	}) => {
		const passed = /The closure was due for review on .+; that date has passed\./;
		const said: string[] = [];
		for (const path of ['/g/harbour', '/g/harbour/apply']) {
			const page = await viewAt(browser, width, height, path);
			const line = page.getByText(passed);
			await expect(line).toBeVisible();
			await expect(page.getByText(/will review this on/)).toHaveCount(0);
			said.push((await line.textContent())!);
			await checkA11y(page);
			await page.context().close();
		}
		expect(said[1]).toBe(said[0]);
	});
}

test('on a wide screen the same pages keep real tables', async ({ browser, checkA11y }) => {
	for (const path of [pages.register, pages.ledger]) {
		const page = await viewAt(browser, 1920, 1080, path);
		await checkA11y(page);
		const seen = await measure(page);
		for (const table of seen.tables) {
			expect(table.display).toBe('table');
			expect(table.cells.every((c) => c.label === null)).toBe(true);
		}
		await expect(page.getByRole('columnheader').first()).toBeVisible();
		await page.context().close();
	}
});

test('an English name inside an Arabic sentence keeps its punctuation (isolated)', async ({
	browser,
	checkA11y
}) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	await context.addCookies([{ name: 'lang', value: 'ar', url: test.info().project.use.baseURL! }]);
	const page = await context.newPage();
	await page.goto(pages.register);
	await checkA11y(page);
	const first = page.locator('tbody a').first();
	const name = (await first.textContent())!.trim();
	await first.click();
	await checkA11y(page);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('h1 bdi')).toHaveText(name);
	await page.goto(pages.decisions);
	await checkA11y(page);
	// Reasons in the log are isolated from the Arabic "Reason:" around them.
	await expect(page.locator('.log p bdi').first()).toBeVisible();
	await context.close();
});

test('votes are counted in Arabic with the right plural, live', async ({
	browser,
	page,
	checkA11y
}) => {
	const chairPage = await open(browser, '/');
	const meeting = await liveMeeting(page.request, chairPage.request);
	const question = 'Who decides whether someone’s records are checked abroad?';
	await page.goto(`${meeting.path}/live`);
	await checkA11y(page);
	await page.getByLabel('Your question').fill(question);
	await page.getByRole('button', { name: 'Send question' }).click();
	const mine = page.getByRole('article').filter({ hasText: question });
	await expect(mine).toContainText(/\b0 votes\b/);

	const arabic = await browser.newContext();
	await arabic.addCookies([{ name: 'lang', value: 'ar', url: test.info().project.use.baseURL! }]);
	const reader = await arabic.newPage();
	await reader.goto(`${meeting.path}/live`);
	await checkA11y(reader);
	const read = reader.getByRole('article').filter({ hasText: question });
	await expect(read.locator('.votes')).toHaveText('لا أصوات');

	for (const [count, english, inArabic] of [
		[1, '1 vote', 'صوت واحد'],
		[2, '2 votes', 'صوتان'],
		[3, '3 votes', '3 أصوات']
	] as const) {
		const voter = await open(browser, `${meeting.path}/live`);
		await checkA11y(voter);
		const copy = voter.getByRole('article').filter({ hasText: question });
		await copy.getByRole('button', { name: 'Vote for this question' }).click();
		await expect(copy.locator('.votes'), `after ${count}`).toHaveText(english);
		// The Arabic page follows without reloading.
		await expect(read.locator('.votes'), `after ${count}`).toHaveText(inArabic);
		await voter.context().close();
	}
	await arabic.close();
});
