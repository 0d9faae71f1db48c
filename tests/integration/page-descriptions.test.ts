import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../fixtures/app';
import { liveMeetingOnApp, type MeetingPath } from '../fixtures/live-app';

/** The content of each `<meta name="description">` of a page. */
const descriptions = (html: string) =>
	[...html.matchAll(/<meta name="description" content="([^"]*)"/g)].map((m) => m[1]);

/**
 * Lighthouse's SEO audit (issue 17): the ledger, the register and the live page had no
 * description, which search engines and link previews show under the page's title.
 */
describe('public pages describe themselves', () => {
	let app: RunningApp;
	let path: MeetingPath;

	beforeAll(async () => {
		app = await startApp();
		({ path } = await liveMeetingOnApp(app, 'descriptions'));
	});

	afterAll(async () => {
		await app?.stop();
	});

	it('gives each page one description, naming its group', async () => {
		const group = `/g/${path.group}`;
		const pages = [
			group,
			`${group}/ledger`,
			`${group}/applications`,
			`${group}/meetings/${path.meeting}`,
			`${group}/meetings/${path.meeting}/live`
		];
		for (const page of pages) {
			const response = await fetch(app.url + page);
			expect(response.status, page).toBe(200);
			const found = descriptions(await response.text());
			expect(found, page).toHaveLength(1);
			expect(found[0], page).toContain('Group descriptions');
		}
	});
});
