import { expect, liveMeeting, memberOrganisation, newPage, test } from './fixtures';

/**
 * A motion from proposal to recorded vote, with plain form posts (the motions page has no
 * script: the same with JavaScript on): a member proposes, another seconds, the chair puts it on
 * the business and runs the vote, each organisation votes, and the public reads the result and
 * every organisation's vote on the page and on the decision log.
 */
test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('propose → second → schedule → vote by organisation → result public, on the decision log', async ({
		browser,
		page,
		checkA11y
	}) => {
		test.setTimeout(120_000);
		const open = () => newPage(browser, '/', false);
		const chairPage = await open();
		const meeting = await liveMeeting(page.request, chairPage.request);
		const slug = meeting.group.slug;
		const suffix = slug.slice(-5);
		const harbour = `Harbour Mutual Aid ${suffix}`;
		const law = `Riverside Law Centre ${suffix}`;
		const first = await open();
		const second = await open();
		await memberOrganisation(first.request, chairPage.request, slug, harbour);
		await memberOrganisation(second.request, chairPage.request, slug, law);
		const motions = `${meeting.path}/motions`;
		const text =
			'The group recommends that the Service publishes its stop-and-search figures monthly.';

		await first.goto(meeting.path);
		await first.getByRole('link', { name: 'Motions' }).click();
		await expect(first).toHaveURL(motions);
		await checkA11y(first);
		await first.getByLabel('Text of the motion').fill(text);
		await first.getByRole('button', { name: 'Propose a motion' }).click();
		await expect(first.getByRole('status')).toContainText('Your motion is proposed');
		await expect(
			first.getByRole('heading', { name: 'Motion 1 · Proposed: awaiting the officers' })
		).toBeVisible();
		// Its own organisation cannot second it: no such button.
		await expect(first.getByRole('button', { name: /^Second for/ })).toHaveCount(0);
		await checkA11y(first);

		await second.goto(motions);
		await second.getByRole('button', { name: `Second for ${law}` }).click();
		await expect(second.getByRole('status')).toHaveText(
			'Your organisation has seconded the motion.'
		);
		await expect(second.getByText(`Proposed by ${harbour} · Seconded by ${law}`)).toBeVisible();

		await chairPage.goto(motions);
		await chairPage.getByRole('button', { name: 'Put on the meeting’s business' }).click();
		await expect(chairPage.getByRole('status')).toHaveText(
			'The motion is on the meeting’s business.'
		);
		await chairPage.getByRole('button', { name: 'Open the vote' }).click();
		await expect(chairPage.getByRole('status')).toHaveText('The vote is open.');
		await expect(chairPage.getByText('For 0 · Against 0 · Abstain 0')).toBeVisible();
		await checkA11y(chairPage);

		const vote = async (p: typeof first, choice: 'For' | 'Against' | 'Abstain') => {
			await p.goto(motions);
			await p
				.getByRole('group', { name: 'Your organisation’s vote on motion 1' })
				.getByLabel(choice)
				.check();
			await p.getByRole('button', { name: 'Record the vote' }).click();
			await expect(p.getByRole('status')).toContainText('Your organisation’s vote is recorded');
		};
		await vote(first, 'Against');
		await vote(first, 'For'); // changed: one vote per organisation, the last one stands
		await vote(second, 'Abstain');
		await checkA11y(second);
		// Running totals only while the vote is open: no organisation's vote is shown yet.
		await expect(second.getByText('For 1 · Against 0 · Abstain 1')).toBeVisible();
		await expect(second.getByRole('table')).toHaveCount(0);

		await chairPage.goto(motions);
		await chairPage.getByRole('button', { name: 'Close the vote and record the result' }).click();
		await expect(chairPage.getByRole('status')).toContainText('The vote is closed');

		// The public: the result and each organisation's vote, here and on the decision log.
		await page.goto(motions);
		await checkA11y(page);
		await expect(page.getByRole('heading', { name: 'Motion 1 · Decided' })).toBeVisible();
		await expect(page.getByText('Carried', { exact: true })).toBeVisible();
		await expect(page.getByText('2 of 2 member organisations voted')).toBeVisible();
		const table = page.getByRole('table', {
			name: 'How each member organisation voted on motion 1'
		});
		await expect(table.getByRole('row', { name: `${harbour} For` })).toBeVisible();
		await expect(table.getByRole('row', { name: `${law} Abstain` })).toBeVisible();
		await expect(page.getByRole('button')).toHaveCount(await page.locator('header button').count());
		await page.getByRole('link', { name: 'Decision log' }).first().click();
		await checkA11y(page);
		const entry = page.locator('li, article, section').filter({ hasText: 'Motion decided' }).last();
		await expect(entry).toContainText(`Motion 1: ${text}`);
		await expect(entry).toContainText(`${harbour}: For`);
	});
});

/**
 * On the day, with JavaScript, at a hybrid meeting (a livestream linked, loaded by no page): the
 * chair opens the vote (here through the API), a representative
 * votes from the live page over its live connection (no page load), and the running totals
 * change on every live page and on the hall's screen as the votes come in.
 */
test('a representative votes from the live page; totals change live on the live pages and the screen', async ({
	browser,
	page,
	checkA11y
}) => {
	test.setTimeout(120_000);
	const chairPage = await newPage(browser, '/');
	const meeting = await liveMeeting(page.request, chairPage.request);
	const slug = meeting.group.slug;
	const harbour = `Harbour Mutual Aid ${slug.slice(-5)}`;
	const representative = await newPage(browser, '/');
	await memberOrganisation(representative.request, chairPage.request, slug, harbour);
	const motions = `/api/v1/groups/${slug}/meetings/1/motions`;
	const proposed = await representative.request.post(motions, {
		data: { text: 'That the Service publishes its custody figures monthly.' }
	});
	expect(proposed.status(), await proposed.text()).toBe(201);
	for (const state of ['scheduled', 'voting']) {
		const moved = await chairPage.request.patch(`${motions}/1`, { data: { state } });
		expect(moved.status(), await moved.text()).toBe(200);
	}

	// A hybrid meeting: its livestream is linked, and nothing is asked of that site before a click.
	const streamed = await chairPage.request.patch(`/api/v1/groups/${slug}/meetings/1`, {
		data: { streamUrl: 'https://video.example.org/harbour/live' }
	});
	expect(streamed.status(), await streamed.text()).toBe(200);
	const elsewhere: string[] = [];
	page.on('request', (request) => {
		if (new URL(request.url()).hostname !== '127.0.0.1') elsewhere.push(request.url());
	});
	await page.goto(`${meeting.path}/live`);
	await expect(
		page.getByRole('link', { name: 'Watch the livestream (on video.example.org)' })
	).toHaveAttribute('href', 'https://video.example.org/harbour/live');
	const watched = page.getByRole('region', { name: 'Motions' });
	await expect(watched.getByText('For 0 · Against 0 · Abstain 0')).toBeVisible();
	await chairPage.goto(`${meeting.path}/screen`);
	await expect(chairPage.getByText('For 0 · Against 0 · Abstain 0')).toBeVisible();

	await representative.goto(`${meeting.path}/live`);
	const panel = representative.getByRole('region', { name: 'Motions' });
	await expect(panel.getByRole('heading', { name: 'Motion 1 · Vote open' })).toBeVisible();
	await checkA11y(representative);
	await panel
		.getByRole('group', { name: 'Your organisation’s vote on motion 1' })
		.getByLabel('For')
		.check();
	await panel.getByRole('button', { name: 'Record the vote' }).click();
	await expect(
		representative.getByRole('status').filter({ hasText: 'vote is recorded' })
	).toBeVisible();
	await expect(representative).toHaveURL(`${meeting.path}/live`);
	// Everyone's pages follow, without a reload.
	await expect(watched.getByText('For 1 · Against 0 · Abstain 0')).toBeVisible();
	await expect(chairPage.getByText('For 1 · Against 0 · Abstain 0')).toBeVisible();
	await checkA11y(page);

	const closed = await chairPage.request.patch(`${motions}/1`, { data: { state: 'decided' } });
	expect(closed.status()).toBe(200);
	await expect(watched.getByRole('heading', { name: 'Motion 1 · Decided' })).toBeVisible();
	await expect(watched.getByText('Carried', { exact: true })).toBeVisible();
	await expect(chairPage.getByRole('heading', { name: 'Motion 1 · Carried' })).toBeVisible();
	// Once closed, each organisation's vote, on the live pages and the screen.
	await expect(watched.getByText(`For: ${harbour}`)).toBeVisible();
	await expect(chairPage.getByText(`For: ${harbour}`)).toBeVisible();
	await checkA11y(chairPage);
	await checkA11y(page);
	expect(elsewhere).toEqual([]);
});
