import type { Locator, Page } from '@playwright/test';
import { confirmByApi, expect, liveMeeting, newAccount, newPage as open, test } from './fixtures';

/**
 * Everything an attendee, an applicant and the officers do, with the keyboard alone (issue 17):
 * Tab and Shift+Tab to move, Enter and Space to act, arrow keys inside radio groups, typing to
 * choose in a list. Every stop on the way must show where the focus is. The live page's updates
 * never move the focus, and its announcements (a polite live region) say what changed once, in
 * the page's language, never the vote tallies. (Openfloor has no dialogs: a confirmation is a
 * page or a step in the page, so there is no focus to trap or return.)
 */

/** Whether the focused element shows a focus indicator (an outline or a ring of its own). */
async function focusShown(page: Page) {
	return page.evaluate(() => {
		const element = document.activeElement;
		if (!element || element === document.body) return true; // nothing focused yet
		const style = getComputedStyle(element);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
		return outline || style.boxShadow !== 'none';
	});
}

const focusDescribed = (page: Page) =>
	page.evaluate(() => document.activeElement?.outerHTML.slice(0, 100) ?? '(none)');

/**
 * Presses Tab, or Shift+Tab when `target` comes before the focus in the page, until `target` has
 * the focus, checking at every stop that the focus can be seen; fails after `max` presses (the
 * target cannot be reached).
 */
async function tabTo(page: Page, target: Locator, max = 200) {
	await target.waitFor();
	const back = await target.evaluate((e) => {
		const active = document.activeElement;
		if (!active || active === document.body) return false;
		return Boolean(active.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING);
	});
	for (let presses = 0; presses <= max; presses++) {
		if (await target.evaluate((e) => e === document.activeElement)) return;
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
		expect(await focusShown(page), `focus not visible on ${await focusDescribed(page)}`).toBe(true);
	}
	throw new Error(`${target} not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** Tabs to a text field and types into it. */
async function typeInto(page: Page, field: Locator, text: string) {
	await tabTo(page, field);
	await page.keyboard.type(text);
}

/** Tabs to a button (or link) and presses Enter on it. */
async function press(page: Page, control: Locator, key = 'Enter') {
	await tabTo(page, control);
	await page.keyboard.press(key);
}

/** Moves through a radio group with the arrow keys until `choice` is checked. */
async function choose(page: Page, group: Locator, choice: Locator) {
	await tabTo(page, group.getByRole('radio').first());
	for (let i = 0; i < 8 && !(await choice.isChecked()); i++) {
		// A group with none checked: Space checks the focused one; then arrows move the choice.
		if (!(await group.getByRole('radio', { checked: true }).count())) {
			await page.keyboard.press('Space');
		} else await page.keyboard.press('ArrowDown');
	}
	await expect(choice).toBeChecked();
}

test('a live meeting with the keyboard alone: ask, vote, moderate, answer and rate; focus stays put; announced once', async ({
	browser,
	page,
	checkA11y
}) => {
	test.slow(); // two people's whole meeting, and the announcements' quiet time (8 s)
	const chair = await open(browser, '/');
	const meeting = await liveMeeting(page.request, chair.request);
	const live = `${meeting.path}/live`;

	// Someone following in French, with a screen reader: what its live region says, in order.
	const french = await browser.newContext({ locale: 'fr-FR' });
	const observer = await french.newPage();
	await observer.goto(live);
	await expect(observer.locator('html')).toHaveAttribute('lang', 'fr');
	await checkA11y(observer);
	// One live region of the page's own (SvelteKit's announcer speaks only on navigation).
	const regions = observer.locator(
		':is([aria-live], [role="status"], [role="alert"], [role="log"]):not(#svelte-announcer)'
	);
	await expect(regions).toHaveCount(1);
	await expect(regions).toHaveAttribute('aria-live', 'polite');
	await observer.evaluate(() => {
		const region = document.querySelector('[aria-live]:not(#svelte-announcer)')!;
		const heard: string[] = ((window as unknown as { heard: string[] }).heard = []);
		new MutationObserver(() => {
			const text = region.textContent?.trim();
			if (text) heard.push(text);
		}).observe(region, { childList: true, subtree: true, characterData: true });
	});
	const heard = () => observer.evaluate(() => (window as unknown as { heard: string[] }).heard);

	// The chair holds new questions for approval: the console's settings, by keyboard.
	await chair.goto(`${meeting.path}/moderate`);
	await checkA11y(chair);
	await press(chair, chair.getByText('Settings', { exact: true }));
	await tabTo(chair, chair.getByLabel('New questions'));
	await chair.keyboard.type('Wait for approval');
	await expect(chair.getByLabel('New questions')).toHaveValue('premoderated');
	await press(chair, chair.getByRole('button', { name: 'Save', exact: true }));
	await expect(chair.getByRole('status')).toContainText('Saved');

	// The attendee: the skip link first, then the question form.
	await page.goto(live);
	await checkA11y(page);
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to main content' });
	await expect(skip).toBeFocused();
	expect(await focusShown(page)).toBe(true);
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();
	const first = 'Who decides which records are checked abroad?';
	await typeInto(page, page.getByLabel('Your question'), first);
	await press(page, page.getByRole('button', { name: 'Send question' }));
	const mine = page.getByRole('article').filter({ hasText: first });
	await expect(mine).toContainText('Awaiting approval');

	// The chair approves it, and rejects another with a reason, by keyboard.
	const card = chair.getByRole('article').filter({ hasText: first });
	await press(chair, card.getByRole('button', { name: 'Approve' }));
	await expect(mine).not.toContainText('Awaiting approval');
	await expect(observer.getByText(first)).toBeVisible();
	const offTopic = 'What is the best bus route to the town hall?';
	await typeInto(page, page.getByLabel('Your question'), offTopic);
	await press(page, page.getByRole('button', { name: 'Send question' }));
	const rejected = chair.getByRole('article').filter({ hasText: offTopic });
	await press(chair, rejected.getByRole('link', { name: 'Reject…' }));
	const step = rejected.getByRole('group', { name: 'Reject this question' });
	await choose(chair, step, step.getByRole('radio', { name: 'Off-topic' }));
	await press(chair, rejected.getByRole('button', { name: 'Reject publicly' }));
	await expect(page.getByRole('article').filter({ hasText: offTopic })).toContainText(
		'Your question was rejected: Off-topic'
	);
	await checkA11y(chair);

	// A question arriving while the attendee types moves neither the focus nor the text.
	const field = page.getByLabel('Your question');
	await typeInto(page, field, 'Half a thought');
	const fromFloor = 'From the floor: how long is a record kept?';
	await typeInto(
		chair,
		chair
			.getByRole('region', { name: 'Record a question from the floor' })
			.getByRole('textbox')
			.first(),
		fromFloor
	);
	await press(chair, chair.getByRole('button', { name: 'Record a question from the floor' }));
	await expect(page.getByRole('article').filter({ hasText: fromFloor })).toBeVisible();
	await expect(field).toBeFocused();
	await expect(field).toHaveValue('Half a thought');

	// A vote, with Space on the button; the tally is shown, never announced.
	await press(page, mine.getByRole('button', { name: 'Vote for this question' }), 'Space');
	await expect(mine.getByRole('button', { name: 'Take back my vote' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(observer.getByRole('article').filter({ hasText: first })).toContainText('1 vote');

	// The chair pins the question and records its answer, by keyboard.
	await chair.reload();
	await press(chair, card.getByRole('button', { name: 'Pin as being answered' }));
	await expect(card.getByText('Pinned', { exact: true })).toBeVisible();
	await press(chair, card.getByText('Record the answer', { exact: true }).first());
	await tabTo(chair, card.getByRole('combobox', { name: 'Record the answer' }));
	await chair.keyboard.type('Not answered'); // a list chooses by typing
	await expect(card.getByRole('combobox', { name: 'Record the answer' })).toHaveValue(
		'not_answered'
	);
	await typeInto(chair, card.getByLabel(/Answer summary/), 'No figure was given.');
	await press(chair, card.getByRole('button', { name: 'Record the answer' }));
	await expect(mine).toContainText('No figure was given.');
	await checkA11y(chair);

	// The attendee gives the room's verdict: arrows in the radio group, then Save.
	const rate = mine.getByRole('group');
	await choose(page, rate, mine.getByRole('radio', { name: 'Not answered' }));
	await press(page, mine.getByRole('button', { name: 'Save' }));
	await expect(mine).toContainText('The room’s verdict');
	await checkA11y(page);

	// What the French screen reader heard: each change once, in French, politely; no tally.
	await expect
		.poll(async () => (await heard()).join(' '), { timeout: 15_000 })
		.toMatch(/Réponse notée/);
	const all = (await heard()).join(' ');
	expect(all).toMatch(/\d+\snouvelles?\squestions?\./);
	expect(all.match(/Réponse en cours\s:\sWho decides/g)).toHaveLength(1);
	expect(all.match(/Réponse notée\s\(Pas de réponse\)\s:\sWho decides/g)).toHaveLength(1);
	expect(all).not.toContain(offTopic);
	expect(all).not.toMatch(/\bvotes?\b/);
	await expect(regions).toMatchAriaSnapshot(`- status: /Réponse notée/`);
	await french.close();
});

test('sign up, apply and publish the minutes with the keyboard alone', async ({
	browser,
	page,
	checkA11y
}) => {
	test.slow();
	const chair = await open(browser, '/');
	const meeting = await liveMeeting(page.request, chair.request);
	const slug = meeting.group.slug;

	// Sign up: Enter in the last field sends the form.
	const applicant = newAccount('Keyboard');
	await page.goto('/signup');
	await checkA11y(page);
	await typeInto(page, page.getByRole('textbox', { name: 'Your name' }), applicant.name);
	await typeInto(page, page.getByLabel('Email', { exact: true }), applicant.email);
	await typeInto(page, page.getByLabel('Password', { exact: true }), applicant.password);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL('/account');
	await checkA11y(page);
	await confirmByApi(page.request, applicant.email);

	// Apply: text fields, a list chosen by typing, the button by Enter.
	await page.goto(`/g/${slug}/apply`);
	await checkA11y(page);
	const organisation = `Keyboard Advice Centre ${slug.slice(-6)}`;
	await typeInto(page, page.getByLabel('Name of the organisation'), organisation);
	await tabTo(page, page.getByLabel('Kind of organisation'));
	await page.keyboard.type('Legal advice');
	await expect(page.getByLabel('Kind of organisation')).toHaveValue(/.+/);
	await typeInto(page, page.getByLabel('Area served'), 'Riverside');
	await typeInto(
		page,
		page.getByLabel('Public description of the organisation'),
		'Free legal advice.'
	);
	await typeInto(page, page.getByLabel('Contact person'), 'Daniel Mensah');
	await typeInto(page, page.getByLabel('Contact email'), 'daniel@law.example');
	await typeInto(page, page.getByLabel('Statement'), 'Our clients are held in the custody suites.');
	await press(page, page.getByRole('button', { name: 'Submit the application' }));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Application from ${organisation}`
	);
	await checkA11y(page);

	// The chair closes the meeting (set up through the API) and publishes the minutes by keyboard.
	const closed = await chair.request.patch(
		`/api/v1/groups/${slug}/meetings/${meeting.path.split('/').at(-1)}`,
		{
			data: { state: 'closed' }
		}
	);
	expect(closed.status(), await closed.text()).toBe(200);
	await chair.goto(`${meeting.path}/minutes/edit`);
	await checkA11y(chair);
	await press(chair, chair.getByRole('button', { name: 'Publish the minutes' }));
	await expect(chair.getByText('Version 1 published.')).toBeVisible();
	await checkA11y(chair);
});
