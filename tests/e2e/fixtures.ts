import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import { decodeQuotedPrintable } from '../fixtures/quoted-printable';
import AxeBuilder from '@axe-core/playwright';
import {
	test as base,
	expect,
	type APIRequestContext,
	type Browser,
	type BrowserContext,
	type Page
} from '@playwright/test';

export { expect };

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const failingImpacts = new Set(['serious', 'critical']);

/** Paths each page has been checked on: every page a test visits must be checked (see below). */
const checkedPaths = new WeakMap<Page, Set<string>>();

/** Contexts with JavaScript turned off, where axe cannot run (it needs timers). */
const scriptless = new WeakSet<BrowserContext>();
/** For each of those, a page (JavaScript on) that shows copies of its documents; see below. */
const copies = new WeakMap<BrowserContext, { page: Page; html: string }>();

/** Runs axe on the page as it is now; fails on any serious or critical violation. */
export async function checkA11y(page: Page) {
	await page.waitForLoadState('load');
	const target = scriptless.has(page.context()) ? await scriptlessCopy(page) : page;
	const results = await new AxeBuilder({ page: target })
		.withTags(axeTags)
		// Runs in the page itself instead of opening a blank page per check: about three times
		// faster here. (What it gives up, cross-origin frames, Openfloor does not have.)
		.setLegacyMode(true)
		.analyze();
	const violations = results.violations.filter((v) => failingImpacts.has(v.impact ?? ''));
	const report = violations
		.map(
			(v) =>
				`- ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n` +
				v.nodes.map((n) => `    at ${n.target.join(' ')}`).join('\n')
		)
		.join('\n');
	expect(report, `Accessibility violations (serious or critical) on ${page.url()}`).toBe('');
	expect(
		await unmarkedFields(target),
		`Form fields whose label misstates whether they are required on ${page.url()}`
	).toEqual([]);
	const paths = checkedPaths.get(page) ?? new Set();
	paths.add(new URL(page.url()).pathname);
	checkedPaths.set(page, paths);
}

/**
 * Openfloor marks the fields a form can be sent without ("(optional)", or when it is needed, such
 * as "(required when refusing)") and leaves required ones plain. Lists the text fields of the
 * page's forms that break this: a required field marked as optional, or a field the browser lets
 * one leave empty whose label says nothing about it.
 */
async function unmarkedFields(page: Page) {
	return page.evaluate(() => {
		const textTypes = new Set([
			'text',
			'email',
			'url',
			'password',
			'number',
			'date',
			'datetime-local',
			'tel'
		]);
		const fields = [
			...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
				'form[method="POST" i] input, form[method="POST" i] textarea'
			)
		].filter(
			(field) =>
				(field instanceof HTMLTextAreaElement || textTypes.has(field.type)) &&
				!field.disabled &&
				!field.hidden &&
				field.getClientRects().length > 0
		);
		return fields.flatMap((field) => {
			const label = [...(field.labels ?? [])]
				.map((l) => l.textContent ?? '')
				.join(' ')
				.trim();
			const marked = /\(.+\)/.test(label);
			const optional = /\((optional|اختياري|facultati)/i.test(label);
			if (field.required && optional) return [`${field.name}: required, labelled "${label}"`];
			if (!field.required && !marked && field.labels?.length)
				return [`${field.name}: optional, labelled "${label}"`];
			return [];
		});
	});
}

/**
 * The page's current document, served at its own address in a context where JavaScript runs
 * but the page's scripts do not: the same DOM and styles a visitor without JavaScript gets.
 */
async function scriptlessCopy(page: Page) {
	const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
	let copy = copies.get(page.context());
	if (!copy) {
		const browser = page.context().browser();
		if (!browser) throw new Error('checkA11y: the page has no browser to open a copy in');
		// (Playwright Test gives new contexts the test's options: switch JavaScript back on.)
		const context = await browser.newContext({ javaScriptEnabled: true });
		const state = { page: await context.newPage(), html };
		await context.route('**/*', (route) => {
			const request = route.request();
			if (request.isNavigationRequest()) {
				return route.fulfill({ body: state.html, contentType: 'text/html; charset=utf-8' });
			}
			return request.resourceType() === 'script' ? route.abort() : route.continue();
		});
		copies.set(page.context(), state);
		copy = state;
	}
	copy.html = html;
	const url = new URL(page.url());
	url.hash = '';
	await copy.page.goto(url.href);
	return copy.page;
}

/**
 * Contexts made by `newPage`, closed when their test ends: the browser lives for the whole run,
 * and every page left open (with its live connection) would slow every later test.
 */
const extraContexts = new Set<BrowserContext>();

/**
 * A page in a browser context of its own (another person in the same test), without
 * JavaScript when asked; `checkA11y` works on it either way.
 */
export async function newPage(browser: Browser, path: string, javaScriptEnabled = true) {
	const context = await browser.newContext({ javaScriptEnabled });
	extraContexts.add(context);
	if (!javaScriptEnabled) scriptless.add(context);
	const page = await context.newPage();
	await page.goto(path);
	return page;
}

type Fixtures = {
	checkA11y: (page: Page) => Promise<void>;
	/** Fails a test that navigated to a page it never checked with axe. */
	everyPageChecked: void;
};

export const test = base.extend<Fixtures>({
	checkA11y: async ({}, use) => use(checkA11y), // eslint-disable-line no-empty-pattern
	// Sign-up and sign-in are rate limited per client address; the e2e server reads the address
	// from X-Forwarded-For (tests/e2e/serve.js), so each test is a client of its own.
	extraHTTPHeaders: async ({ extraHTTPHeaders }, use) =>
		use({
			...extraHTTPHeaders,
			'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`
		}),
	everyPageChecked: [
		async ({ context, javaScriptEnabled }, use, testInfo) => {
			if (javaScriptEnabled === false) scriptless.add(context);
			const visited = new Map<Page, Set<string>>();
			const track = (page: Page) => {
				visited.set(page, new Set());
				page.on('framenavigated', (frame) => {
					const url = new URL(frame.url());
					if (frame === page.mainFrame() && url.protocol.startsWith('http')) {
						visited.get(page)?.add(url.pathname);
					}
				});
			};
			context.pages().forEach(track);
			context.on('page', track);
			await use();
			await copies.get(context)?.page.context().close();
			for (const other of extraContexts) await other.close().catch(() => undefined);
			extraContexts.clear();
			if (testInfo.status !== testInfo.expectedStatus) return;
			const unchecked = [...visited].flatMap(([page, paths]) =>
				[...paths].filter((path) => !checkedPaths.get(page)?.has(path))
			);
			expect(unchecked, 'pages visited but never checked with checkA11y').toEqual([]);
		},
		{ auto: true }
	]
});

export type Account = { name: string; email: string; password: string };

/** A new account's details, unique to this run and test. */
export function newAccount(label: string): Account {
	const id = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;
	return {
		name: `${label} ${id}`,
		email: `${label.toLowerCase().replace(/\W+/g, '-')}-${id}@e2e.test`,
		password: `correct horse ${id} staple`
	};
}

export const admin: Account = {
	name: 'E2E Admin',
	email: 'admin@e2e.test',
	password: 'e2e admin passphrase'
};

/** Where tests/e2e/serve.js keeps each message its mail server received, one file per message. */
const mailDir = '.test-data/e2e/mail';

/**
 * The newest link to `path…` in a message sent to `address`, as its recipient would click it:
 * waits for the app's outbox to deliver it (the messages are read as sent, quoted-printable).
 * `token` is the link's last part (a base32 token unless said).
 */
export async function linkFromMail(address: string, path: string, token = '[a-z2-7]+') {
	const pattern = new RegExp(`https?://[^\\s"<>]+${path}${token}`, 'g');
	let link: string | undefined;
	await expect
		.poll(
			() => {
				const files = fs
					.readdirSync(mailDir)
					.filter((f) => f.endsWith('.eml'))
					.sort();
				for (const file of files.reverse()) {
					const raw = decodeQuotedPrintable(fs.readFileSync(`${mailDir}/${file}`, 'latin1'));
					if (!new RegExp(`^To: .*${address.replace(/[.+]/g, '\\$&')}`, 'mi').test(raw)) continue;
					link = raw.match(pattern)?.at(-1);
					if (link) return link;
				}
				return undefined;
			},
			{ message: `a message to ${address} with a link to ${path}`, timeout: 10_000 }
		)
		.toBeTruthy();
	return new URL(link!).pathname;
}

/** Follows the confirmation link emailed to the account, as its owner would. */
export async function confirmEmail(page: Page, account: Account) {
	await page.goto(await linkFromMail(account.email, '/account/confirm/'));
	await checkA11y(page);
	await page.getByRole('button', { name: 'Confirm this address' }).click();
	await expect(page.getByText(`Your email address ${account.email} is confirmed.`)).toBeVisible();
	await checkA11y(page);
	await page.getByRole('main').getByRole('link', { name: 'Your account' }).click();
	await expect(page).toHaveURL('/account');
	await expect(page.getByText('Your email address is not confirmed yet')).toHaveCount(0);
}

/** Confirms an account made through the API, by its emailed link (`POST` to the API). */
export async function confirmByApi(request: APIRequestContext, email: string) {
	const link = await linkFromMail(email, '/account/confirm/');
	const token = link.split('/').at(-1);
	const answer = await request.post(`/api/v1/email-confirmations/${token}`);
	expect(answer.status(), await answer.text()).toBe(200);
}

/**
 * Creates an account through the sign-up form; the new user lands on their account page. Then,
 * unless told not to, confirms its address by the emailed link (needed to apply or be appointed).
 */
export async function signUp(page: Page, account: Account, options = { confirm: true }) {
	await page.goto('/signup');
	await checkA11y(page);
	await page.getByRole('textbox', { name: 'Your name' }).fill(account.name);
	await page.getByLabel('Email', { exact: true }).fill(account.email);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL('/account');
	await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
	await checkA11y(page);
	if (options.confirm) await confirmEmail(page, account);
}

/** Signs in through the sign-in form (from wherever the page is); lands on `landing`. */
export async function logIn(page: Page, account: Account, landing = '/account') {
	if (new URL(page.url()).pathname !== '/login') await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
	await checkA11y(page);
	await page.getByLabel('Email', { exact: true }).fill(account.email);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(landing);
	await checkA11y(page);
}

/** Signs out with the button in the site header. */
export async function logOut(page: Page) {
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await checkA11y(page);
}

export type GroupInput = {
	name: string;
	slug: string;
	institution: string;
	purpose: string;
	timeZone: string;
	membershipOpen: boolean;
};

export function newGroup(): GroupInput {
	const id = `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`;
	return {
		name: `Harbour Reference Group ${id}`,
		slug: `harbour-${id}`,
		institution: `Harbour Board ${id}`,
		purpose: 'We **question** the board in public.\n\n- Open meetings\n- Published minutes',
		timeZone: 'Europe/Dublin',
		membershipOpen: true
	};
}

/** As a site administrator on /admin: creates a group, then appoints its chair. */
export async function createGroupWithChair(page: Page, group: GroupInput, chair: Account) {
	await page.goto('/admin');
	await expect(page.getByRole('heading', { level: 1, name: 'Site administration' })).toBeVisible();
	await checkA11y(page);
	const create = page.getByRole('form', { name: 'Create a group' });
	await create.getByLabel('Name of the group').fill(group.name);
	await create.getByLabel('Short name for web addresses').fill(group.slug);
	await create.getByLabel('Institution held to account').fill(group.institution);
	await create.getByLabel('Purpose and terms of reference').fill(group.purpose);
	await create.getByLabel('Time zone of meetings').fill(group.timeZone);
	await create
		.getByLabel('Accepting applications from organisations')
		.setChecked(group.membershipOpen);
	await create.getByRole('button', { name: 'Create a group' }).click();
	await expect(page.getByRole('status')).toHaveText('Group created.');
	await checkA11y(page);

	const appoint = page.getByRole('form', { name: 'Appoint a chair' });
	await appoint.getByLabel('Groups').selectOption(group.slug);
	await appoint.getByLabel('Email of the person to appoint').fill(chair.email);
	await appoint.getByRole('button', { name: 'Appoint a chair' }).click();
	await expect(page.getByRole('status')).toHaveText(`${chair.name} is now Chair.`);
	await checkA11y(page);
}

/** As the group's chair: appoints a secretary on the group's officers page. */
export async function appointSecretary(page: Page, slug: string, secretary: Account) {
	await page.goto(`/g/${slug}/officers`);
	await expect(page.getByRole('heading', { level: 1, name: 'Officers' })).toBeVisible();
	await checkA11y(page);
	const appoint = page.getByRole('form', { name: 'Appoint an officer' });
	await appoint.getByLabel('Email of the person to appoint').fill(secretary.email);
	await appoint.getByLabel('Role').selectOption({ label: 'Secretary' });
	await appoint.getByRole('button', { name: 'Appoint an officer' }).click();
	await expect(page.getByRole('status')).toHaveText(`${secretary.name} is now Secretary.`);
	await checkA11y(page);
}

/** What a signed-out visitor sees: the group listed on the home page, and its page. */
export async function expectPublicGroupPage(
	page: Page,
	group: GroupInput,
	officers: { chair: Account; secretary: Account }
) {
	await page.goto('/');
	await checkA11y(page);
	await page.getByRole('link', { name: group.name }).click();
	await expect(page).toHaveURL(`/g/${group.slug}`);
	await expect(page.getByRole('heading', { level: 1, name: group.name })).toBeVisible();
	const main = page.getByRole('main');
	// The group header (on every group page) names the institution too; this is the page's own line.
	await expect(main.getByText(`Holds to account: ${group.institution}`).last()).toBeVisible();
	// The purpose is rendered Markdown, not the raw text.
	await expect(main.locator('.prose strong')).toHaveText('question');
	await expect(main.locator('.prose li')).toHaveText(['Open meetings', 'Published minutes']);
	await expect(main.getByText('**question**')).toHaveCount(0);
	await expect(main.getByRole('listitem').filter({ hasText: 'Chair:' })).toHaveText(
		`Chair: ${officers.chair.name}`
	);
	await expect(main.getByRole('listitem').filter({ hasText: 'Secretary:' })).toHaveText(
		`Secretary: ${officers.secretary.name}`
	);
	await checkA11y(page);
}

/**
 * A group with its chair and secretary, set up through the pages: both sign up, the administrator
 * creates the group chaired by the first, who appoints the second.
 */
export async function groupWithOfficers(page: Page) {
	const chair = newAccount('Chair');
	const secretary = newAccount('Secretary');
	const group = newGroup();

	await signUp(page, chair);
	await logOut(page);
	await signUp(page, secretary);
	await logOut(page);

	await logIn(page, admin);
	await createGroupWithChair(page, group, chair);
	await logOut(page);

	await logIn(page, chair);
	await appointSecretary(page, group.slug, secretary);
	await logOut(page);
	return { chair, secretary, group };
}

/** Chooses a language with the switcher in the site header (a plain form post). */
export async function switchLanguage(
	page: Page,
	from: { label: string; button: string },
	to: string
) {
	await page.getByLabel(from.label, { exact: true }).selectOption({ label: to });
	await page.getByRole('button', { name: from.button }).click();
}

/**
 * Sets up, through the JSON API, a group with a chair and a meeting that has gone live (open to
 * anyone with the link unless another participation rule is asked for). `request` acts as the
 * site administrator, then is signed out; `chairRequest` stays signed in as the chair.
 */
export async function liveMeeting(
	request: APIRequestContext,
	chairRequest: APIRequestContext,
	participation: 'open' | 'room_code' = 'open',
	/** The states it is moved through (stop at `scheduled` for a meeting not yet started). */
	states: readonly ('scheduled' | 'live')[] = ['scheduled', 'live']
) {
	const group = newGroup();
	const chair = newAccount('Chair');
	expect((await request.post('/api/v1/session', { data: admin })).status()).toBe(200);
	expect((await request.post('/api/v1/groups', { data: group })).status()).toBe(201);
	const signup = await chairRequest.post('/api/v1/users', {
		data: { email: chair.email, password: chair.password, displayName: chair.name }
	});
	expect(signup.status()).toBe(201);
	await confirmByApi(chairRequest, chair.email);
	const roles = `/api/v1/groups/${group.slug}/roles`;
	expect(
		(await request.post(roles, { data: { email: chair.email, role: 'chair' } })).status()
	).toBe(201);
	const start = new Date(Date.now() + 3_600_000);
	const created = await chairRequest.post(`/api/v1/groups/${group.slug}/meetings`, {
		data: {
			title: 'Operation Harbour: questions to the Service',
			startsAt: start.toISOString(),
			endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
			location: 'Riverside community centre',
			participation
		}
	});
	expect(created.status()).toBe(201);
	const { number } = await created.json();
	for (const state of states) {
		const moved = await chairRequest.patch(`/api/v1/groups/${group.slug}/meetings/${number}`, {
			data: { state }
		});
		expect(moved.status(), await moved.text()).toBe(200);
	}
	// The administrator's browser becomes an attendee's: asking as the one administrator account,
	// every test would share one participant's limits (five questions in ten minutes).
	expect((await request.delete('/api/v1/session')).status()).toBe(204);
	return { group, chair, path: `/g/${group.slug}/meetings/${number}` };
}

/** The page does not scroll sideways. */
export async function expectNoSidewaysScroll(page: Page) {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(0);
}

/**
 * Every visible control is at least 24×24 CSS pixels (WCAG 2.2, 2.5.8): the form controls in
 * the page's main part and header, and every link that is not part of a sentence. Stricter
 * than 2.5.8, which also lets a smaller target pass when nothing else is within 24 px of it
 * (axe's `target-size` rule, run by `checkA11y`, checks that): here a target on its own is
 * simply big enough. A link counts as in a sentence (2.5.8's inline exception) when it flows
 * inline in a block that holds other words besides it; a link that is a block, a flex or grid
 * item, or alone in its list item, paragraph or cell is a target on its own.
 */
export async function expectControlsAtLeast24(page: Page) {
	const small = await page.evaluate(() => {
		const controls = document.querySelectorAll<HTMLElement>(
			'main input:not([type="hidden"]), main select, main textarea, main button, header summary, header button, header input, header select, a[href]'
		);
		const words = /[\p{L}\p{N}]/u;
		const inSentence = (link: HTMLElement) => {
			if (!getComputedStyle(link).display.startsWith('inline')) return false;
			let block = link.parentElement;
			while (block && /^(inline|contents)$/.test(getComputedStyle(block).display)) {
				block = block.parentElement;
			}
			const rest = (block?.innerText ?? '').replace(link.innerText, '');
			return words.test(rest);
		};
		return [...controls].flatMap((control) => {
			const box = control.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) return [];
			if (!control.checkVisibility({ visibilityProperty: true })) return [];
			if (control instanceof HTMLAnchorElement && inSentence(control)) return [];
			if (box.width >= 24 && box.height >= 24) return [];
			return [`${control.outerHTML.slice(0, 80)} ${box.width}×${box.height}`];
		});
	});
	expect(small, `controls smaller than 24×24 on ${page.url()}`).toEqual([]);
}

/** Seven long questions a hall might ask: enough to fill the projector screen and the live page. */
export const longQuestions = [
	'When will the independent review of detention conditions be published in full, with its annexes?',
	'How many people were held longer than the statutory limit last year, and why?',
	'Will the board fund interpreters for every hearing, including the short ones?',
	'Who decides which complaints reach the board, and can that decision be appealed?',
	'What happened to the recommendations from the March meeting on family visits?',
	'Can the minutes be translated into Arabic and Dari before the next meeting?',
	'Why are the figures for the second quarter still missing from the ledger?'
];

/**
 * Signs up a representative through the API, applies for an organisation and has the chair
 * accept it: a member organisation whose representative is signed in on `request`.
 */
export async function memberOrganisation(
	request: APIRequestContext,
	chair: APIRequestContext,
	slug: string,
	name: string
) {
	const account = newAccount('Representative');
	const signup = await request.post('/api/v1/users', {
		data: { email: account.email, password: account.password, displayName: account.name }
	});
	expect(signup.status()).toBe(201);
	await confirmByApi(request, account.email);
	expect((await request.post('/api/v1/session', { data: account })).status()).toBe(200);
	const applied = await request.post(`/api/v1/groups/${slug}/applications`, {
		data: {
			organisation: { name, category: 'Legal advice', area: 'Harbour', description: 'A member.' },
			contact: { name: account.name, email: account.email },
			statement: 'We work with the people most affected.'
		}
	});
	expect(applied.status(), await applied.text()).toBe(201);
	const { id } = (await applied.json()) as { id: string };
	const decided = await chair.post(`/api/v1/groups/${slug}/applications/${id}/decision`, {
		data: { outcome: 'accepted' }
	});
	expect(decided.status(), await decided.text()).toBe(200);
}
