import type { APIRequestContext } from '@playwright/test';
import {
	confirmByApi,
	expect,
	expectNoSidewaysScroll,
	liveMeeting,
	memberOrganisation,
	newAccount,
	newPage,
	test
} from './fixtures';

const daysAgo = (days: number) =>
	new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A confirmed account signed in on `request`. */
async function signedIn(request: APIRequestContext, label: string) {
	const account = newAccount(label);
	const signup = await request.post('/api/v1/users', {
		data: { email: account.email, password: account.password, displayName: account.name }
	});
	expect(signup.status()).toBe(201);
	await confirmByApi(request, account.email);
	return account;
}

/**
 * Issue 18, written answers: the chair sends a question for a written answer on the console
 * (with JavaScript), due on a date; a member organisation asks in writing between meetings; the
 * chair appoints a respondent, who answers without JavaScript and can do nothing else; the ledger
 * shows the due dates and how late the answer came. Axe on every new page.
 */
test('the chair sends a question for a written answer from the console', async ({
	browser,
	page,
	checkA11y
}) => {
	const chair = await newPage(browser, '/');
	const meeting = await liveMeeting(page.request, chair.request);
	await chair.goto(`${meeting.path}/moderate`);
	const text = 'From the floor: how many complaints about the operation were upheld?';
	const floor = chair.getByRole('region', { name: 'Record a question from the floor' });
	await floor.getByRole('textbox').first().fill(text);
	await floor.getByRole('button', { name: 'Record a question from the floor' }).click();
	await expect(chair.getByRole('status')).toContainText('Saved');
	const card = chair.getByRole('article').filter({ hasText: text });
	await card.getByText('Record the answer').first().click();
	await card.getByLabel('Record the answer').selectOption('written');
	await card.getByLabel('Due date').fill(daysAgo(3));
	await card.getByRole('button', { name: 'Record the answer' }).click();
	await expect(card).toContainText('Written answer due');
	await checkA11y(chair);

	await page.goto(`/g/${meeting.group.slug}/written`);
	const item = page.getByRole('article').filter({ hasText: text });
	await expect(item).toContainText('Overdue by 3 days');
	await checkA11y(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

	test('a member asks in writing, a respondent answers, the ledger shows lateness', async ({
		browser,
		page,
		checkA11y
	}) => {
		test.setTimeout(120_000);
		const open = () => newPage(browser, '/', false);
		const chair = await open();
		const meeting = await liveMeeting(page.request, chair.request);
		const slug = meeting.group.slug;
		const written = `/g/${slug}/written`;
		const member = await open();
		await memberOrganisation(member.request, chair.request, slug, `Harbour Aid ${slug.slice(-5)}`);

		// A live question the chair sent for a written answer, due three days ago.
		await chair.goto(`${meeting.path}/live`);
		await page.goto(`${meeting.path}/live`);
		await checkA11y(page);
		const asked = await page.request.post(
			`/api/v1/groups/${slug}/meetings/${meeting.path.split('/').at(-1)}/questions`,
			{
				data: { text: 'How long are people held before they see a solicitor?', anonymous: true }
			}
		);
		expect(asked.status(), await asked.text()).toBe(201);
		const { id } = (await asked.json()) as { id: string };
		const sent = await chair.request.post(`/api/v1/groups/${slug}/questions/${id}/moderate`, {
			data: { action: 'status', status: 'written', dueOn: daysAgo(3) }
		});
		expect(sent.status(), await sent.text()).toBe(200);

		// The member organisation asks in writing, with a plain form post.
		await member.goto(written);
		await checkA11y(member);
		const question = 'Will the Service publish its equality impact assessment?';
		await member.getByLabel('Your question').fill(question);
		await member.getByRole('button', { name: 'Send the question' }).click();
		await expect(member.getByRole('status')).toContainText('Your question was sent');
		await expect(member.getByRole('article').filter({ hasText: question })).toContainText('Due');

		// The chair appoints a respondent on the officers page.
		const respondent = await open();
		const account = await signedIn(respondent.request, 'Respondent');
		await chair.goto(`/g/${slug}/officers`);
		await chair.getByLabel('Email of the person to appoint').fill(account.email);
		await chair.getByLabel('Role').selectOption('respondent');
		await chair.getByRole('button', { name: 'Appoint an officer' }).click();
		await expect(chair.getByRole('status')).toContainText(account.name);

		// The respondent answers the overdue question, verbatim, without JavaScript.
		await respondent.goto(written);
		await checkA11y(respondent);
		const overdue = respondent.getByRole('article').filter({ hasText: 'How long are people held' });
		await expect(overdue).toContainText('Overdue by 3 days');
		const answer = 'Within two hours in 91% of cases.\n\nRiverside Police Service';
		await overdue.getByLabel('The institution’s answer, verbatim').fill(answer);
		await overdue.getByRole('button', { name: 'Record the answer' }).click();
		await expect(respondent.getByRole('status')).toContainText('The answer is recorded');
		const answered = respondent
			.getByRole('article')
			.filter({ hasText: 'How long are people held' });
		await expect(answered).toContainText('Answered 3 days late');
		await expect(answered.getByText('Within two hours in 91% of cases.')).toBeVisible();
		await checkA11y(respondent);
		await expectNoSidewaysScroll(respondent);

		// And nothing else: no console, no appointing.
		const console = await respondent.goto(`${meeting.path}/moderate`);
		expect([403, 404]).toContain(console?.status());
		await respondent.goto(`/g/${slug}/officers`);
		await expect(respondent.getByRole('button', { name: 'Appoint an officer' })).toHaveCount(0);

		// The ledger: the late answer and the one still due, with their dates.
		await page.goto(`/g/${slug}/ledger?kind=written`);
		await expect(
			page.getByRole('row').filter({ hasText: 'How long are people held' })
		).toContainText('Answered 3 days late');
		await expect(page.getByRole('row').filter({ hasText: question })).toContainText(
			'Written answer due'
		);
		await checkA11y(page);

		// The decision log: the written answer, verbatim, and how late it came.
		await page.goto(`/g/${slug}/decisions`);
		const entry = page.locator('li.card').filter({ hasText: 'Written answer recorded' });
		await expect(entry).toContainText('Within two hours in 91% of cases.');
		await expect(entry).toContainText('Answered 3 days late');
		await checkA11y(page);
	});
});
