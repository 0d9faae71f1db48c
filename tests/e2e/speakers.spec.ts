import type { APIRequestContext, Page } from '@playwright/test';
import {
	confirmByApi,
	expect,
	liveMeeting,
	memberOrganisation,
	newAccount,
	newPage,
	test
} from './fixtures';

/** The page says the speakers' list was updated (the form's notice). */
const updated = (p: Page) =>
	expect(
		p.getByRole('status').filter({ hasText: 'The speakers’ list was updated.' })
	).toBeVisible();

/** Signs up and signs in an attendee with an account on `request`; returns their name. */
async function attendeeAccount(request: APIRequestContext) {
	const account = newAccount('Attendee');
	const signup = await request.post('/api/v1/users', {
		data: { email: account.email, password: account.password, displayName: account.name }
	});
	expect(signup.status()).toBe(201);
	await confirmByApi(request, account.email);
	expect((await request.post('/api/v1/session', { data: account })).status()).toBe(200);
	return account.name;
}

/** A live meeting with two agenda items, a member organisation's representative and an attendee. */
async function setUp(browser: Parameters<typeof newPage>[0], page: Page, javaScript: boolean) {
	const chairPage = await newPage(browser, '/', javaScript);
	const meeting = await liveMeeting(page.request, chairPage.request);
	const slug = meeting.group.slug;
	const organisation = `Harbour Mutual Aid ${slug.slice(-5)}`;
	for (const [title, plannedMinutes] of [
		['Custody figures', 20],
		['Foreign record checks', 15]
	] as const) {
		const added = await chairPage.request.post(`/api/v1/groups/${slug}/meetings/1/agenda`, {
			data: { title, plannedMinutes }
		});
		expect(added.status(), await added.text()).toBe(201);
	}
	const representative = await newPage(browser, '/', javaScript);
	await memberOrganisation(representative.request, chairPage.request, slug, organisation);
	const attendee = await newPage(browser, '/', javaScript);
	const attendeeName = await attendeeAccount(attendee.request);
	return { meeting, slug, organisation, chairPage, representative, attendee, attendeeName };
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('ask to speak → the chair orders, gives the floor and ends the turn → the record', async ({
		browser,
		page,
		checkA11y
	}) => {
		test.setTimeout(120_000);
		const s = await setUp(browser, page, false);
		const live = `${s.meeting.path}/live`;

		await s.chairPage.goto(live);
		await s.chairPage
			.getByLabel('Item under discussion')
			.selectOption({ label: 'Custody figures' });
		await s.chairPage.getByRole('button', { name: 'Set the current item' }).click();
		await updated(s.chairPage);
		await expect(s.chairPage.locator('strong', { hasText: 'Custody figures' })).toBeVisible();
		await checkA11y(s.chairPage);

		await s.representative.goto(live);
		const speakers = s.representative.getByRole('region', { name: 'Speakers' });
		await speakers.getByLabel('My organisation only').check();
		await speakers.getByRole('button', { name: 'Ask to speak' }).click();
		await updated(s.representative);
		await expect(speakers.getByRole('listitem').filter({ hasText: s.organisation })).toContainText(
			'(you)'
		);
		await checkA11y(s.representative);

		await s.attendee.goto(live);
		await s.attendee.getByRole('button', { name: 'Ask to speak' }).click();
		await updated(s.attendee);
		// Asking twice is refused with a message, not a second place.
		await expect(s.attendee.getByRole('button', { name: 'Ask to speak' })).toHaveCount(0);
		await expect(
			s.attendee.getByRole('button', { name: 'Withdraw my request to speak' })
		).toBeVisible();

		// The public cannot ask: they are asked to sign in.
		await page.goto(live);
		await expect(page.getByRole('link', { name: 'Sign in to ask to speak.' })).toBeVisible();
		await checkA11y(page);

		await s.chairPage.goto(live);
		await s.chairPage.getByRole('button', { name: `Move ${s.attendeeName} up` }).click();
		await updated(s.chairPage);
		const order = s.chairPage.getByRole('region', { name: 'Speakers' }).locator('ol > li');
		await expect(order.first()).toContainText(s.attendeeName);
		await s.chairPage.getByLabel(`Seconds allowed for ${s.organisation}`).fill('90');
		await s.chairPage
			.getByRole('listitem')
			.filter({ hasText: s.organisation })
			.getByRole('button', { name: 'Set the time' })
			.click();
		await expect(s.chairPage.getByText('· 1:30')).toBeVisible();
		await s.chairPage.getByRole('button', { name: `Give the floor to ${s.organisation}` }).click();
		await expect(s.chairPage.getByRole('timer', { name: 'Time for this turn' })).toContainText(
			/1:(30|29|28) left/
		);
		await checkA11y(s.chairPage);

		// The screen: the current item and the speaker, large.
		await page.goto(`${s.meeting.path}/screen`);
		await expect(page.locator('strong', { hasText: 'Custody figures' })).toBeVisible();
		await expect(page.getByText(s.organisation)).toBeVisible();
		await expect(page.getByRole('timer', { name: 'Time for this turn' })).toBeVisible();
		await checkA11y(page);

		await s.chairPage.goto(live);
		await s.chairPage.getByRole('button', { name: `Give the floor to ${s.attendeeName}` }).click();
		await updated(s.chairPage);
		await s.chairPage.getByRole('button', { name: 'End the turn' }).click();
		await expect(s.chairPage.getByText('Nobody has the floor.')).toBeVisible();

		// The meeting's record: who spoke, for whom, how long.
		await page.goto(s.meeting.path);
		const record = page.getByRole('table', { name: 'Custody figures' });
		await expect(record.getByRole('row').filter({ hasText: s.organisation })).toBeVisible();
		await expect(record.getByRole('row').filter({ hasText: s.attendeeName })).toBeVisible();
		await expect(page.getByRole('table', { name: 'Speaking time per organisation' })).toContainText(
			s.organisation
		);
		await checkA11y(page);
	});
});

test('with JavaScript: the list and the timers follow live on every page and the screen', async ({
	browser,
	page,
	checkA11y
}) => {
	test.setTimeout(120_000);
	const s = await setUp(browser, page, true);
	const live = `${s.meeting.path}/live`;
	const api = `/api/v1/groups/${s.slug}/meetings/1/speakers`;
	await page.goto(live);
	await s.chairPage.goto(`${s.meeting.path}/screen`);
	const watched = page.getByRole('region', { name: 'Speakers' });
	await expect(watched.getByText('No agenda item is under discussion yet.')).toBeVisible();

	await s.representative.goto(live);
	await checkA11y(s.representative);
	const panel = s.representative.getByRole('region', { name: 'Speakers' });
	await panel.getByRole('button', { name: 'Ask to speak' }).click();
	await expect(
		s.representative.getByRole('status').filter({ hasText: 'You are on the speakers’ list.' })
	).toBeVisible();
	await expect(s.representative).toHaveURL(live);
	// The public's page follows without a reload.
	await expect(watched.getByText(s.organisation)).toBeVisible();

	const { items } = (await (await page.request.get(api)).json()) as { items: { id: string }[] };
	const floor = await s.chairPage.request.post(`${api}/${items[0].id}/floor`, { data: {} });
	expect(floor.status(), await floor.text()).toBe(200);
	const turn = watched.getByRole('timer', { name: 'Time for this turn' });
	await expect(turn).toContainText(/[23]:\d\d left/);
	const before = await turn.textContent();
	await expect(turn).not.toHaveText(before ?? '', { timeout: 3_000 }); // counting down
	await expect(s.chairPage.getByRole('timer', { name: 'Time for this turn' })).toBeVisible();
	await checkA11y(page);
	await checkA11y(s.chairPage);

	// The representative withdraws nothing now: they are speaking; the chair ends the turn.
	const ended = await s.chairPage.request.post(`${api}/${items[0].id}/end`, { data: {} });
	expect(ended.status(), await ended.text()).toBe(200);
	await expect(watched.getByText('Nobody has the floor.')).toBeVisible();
	// The screen shows the speaker only while one has the floor (or an item is current).
	await expect(s.chairPage.getByRole('timer', { name: 'Time for this turn' })).toHaveCount(0);
});
