import { randomInt } from 'node:crypto';
import { confirmByApi, expect, liveMeeting, newAccount, newPage, test } from './fixtures';

/**
 * The record after a meeting, as people use it: the meeting closes and the draft minutes carry
 * its Q&A record; the secretary previews and publishes; a signed-out visitor finds them by
 * search, reads them and follows the ledger to the question left unanswered; an amendment
 * shows what changed. Run with JavaScript and without it.
 */
for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ javaScriptEnabled });

		test('close → draft with the Q&A record → publish → search → read → ledger → amend and compare', async ({
			browser,
			page,
			checkA11y
		}) => {
			test.setTimeout(120_000);
			const open = (b: typeof browser) => newPage(b, '/', javaScriptEnabled);
			// Setup through the API: a group, its chair and secretary, a live meeting, a question
			// asked anonymously and marked not answered, then the meeting closes.
			const chairPage = await open(browser);
			const meeting = await liveMeeting(page.request, chairPage.request);
			const secretary = newAccount('Secretary');
			const signup = await page.request.post('/api/v1/users', {
				data: { email: secretary.email, password: secretary.password, displayName: secretary.name }
			});
			expect(signup.status()).toBe(201);
			await confirmByApi(page.request, secretary.email);
			const appointed = await chairPage.request.post(`/api/v1/groups/${meeting.group.slug}/roles`, {
				data: { email: secretary.email, role: 'secretary' }
			});
			expect(appointed.status()).toBe(201);
			// A word of its own, so the search finds this run's meeting and nothing else.
			const word = `harbourcheck${randomInt(1e9).toString(36)}`;
			const question = `How long are people held in the custody suite (${word}) while checks are done?`;
			// The attendee's browser gets its participant token from the live page, as any does.
			const attendee = await newPage(browser, `${meeting.path}/live`, javaScriptEnabled);
			await checkA11y(attendee);
			const asked = await attendee.request.post(
				`/api/v1/groups/${meeting.group.slug}/meetings/1/questions`,
				{ data: { text: question, anonymous: true } }
			);
			expect(asked.status(), await asked.text()).toBe(201);
			const { id } = await asked.json();
			const marked = await chairPage.request.post(
				`/api/v1/groups/${meeting.group.slug}/questions/${id}/moderate`,
				{ data: { action: 'status', status: 'not_answered', summary: 'No figure was given.' } }
			);
			expect(marked.status(), await marked.text()).toBe(200);
			const closed = await chairPage.request.patch(
				`/api/v1/groups/${meeting.group.slug}/meetings/1`,
				{
					data: { state: 'closed' }
				}
			);
			expect(closed.status()).toBe(200);

			// The secretary finds the generated draft, previews it and publishes it.
			const secretaryPage = page;
			await secretaryPage.request.post('/api/v1/session', {
				data: { email: secretary.email, password: secretary.password }
			});
			await secretaryPage.goto(`${meeting.path}/minutes/edit`);
			await expect(
				secretaryPage.getByRole('heading', { level: 1, name: 'Edit the minutes of meeting 1' })
			).toBeVisible();
			await checkA11y(secretaryPage);
			const draft = secretaryPage.getByRole('textbox', { name: 'Draft (markdown)' });
			await expect(draft).toHaveValue(new RegExp(word));
			await expect(draft).toHaveValue(/Asked by: Anonymous/);
			await expect(draft).toHaveValue(/No figure was given\./);
			await secretaryPage.getByRole('button', { name: 'Preview' }).click();
			const preview = secretaryPage.getByRole('region', { name: 'Preview' });
			await expect(preview.getByRole('heading', { name: 'Questions and answers' })).toBeVisible();
			await checkA11y(secretaryPage);
			await secretaryPage.getByRole('button', { name: 'Publish the minutes' }).click();
			await expect(secretaryPage.getByText('Version 1 published.')).toBeVisible();
			await checkA11y(secretaryPage);

			// The secretary records an action the Service promised, then drops it: only with a reason.
			await secretaryPage.goto(`${meeting.path}/actions`);
			await checkA11y(secretaryPage);
			const promise = `Publish the custody waiting times (${word}).`;
			await secretaryPage.getByLabel('What was promised').fill(promise);
			await secretaryPage.getByLabel(/Who owes it/).fill('The Harbour Board');
			await secretaryPage.getByLabel('Due date').fill('2026-01-15');
			await secretaryPage.getByRole('button', { name: 'Record an action' }).click();
			const actionRow = secretaryPage.getByRole('row').filter({ hasText: promise });
			await expect(actionRow).toContainText('Open');
			await checkA11y(secretaryPage);
			const status = secretaryPage.getByRole('group', { name: /waiting times/ });
			await status.getByLabel('New status').selectOption({ label: 'Dropped' });
			await status.getByRole('button', { name: 'Update' }).click();
			await expect(status.getByRole('alert')).toContainText('Say why the action is dropped');
			await checkA11y(secretaryPage);
			await status.getByLabel('New status').selectOption({ label: 'Dropped' });
			await status.getByLabel(/^Note/).fill('The Board says it does not keep these figures.');
			await status.getByRole('button', { name: 'Update' }).click();
			await expect(actionRow).toContainText('The Board says it does not keep these figures.');
			await checkA11y(secretaryPage);

			// A signed-out visitor searches, finds the minutes and reads them.
			const visitor = await open(browser);
			await visitor.goto('/search');
			await checkA11y(visitor);
			await visitor.getByLabel('Search for').fill(word);
			await visitor.getByRole('main').getByRole('button', { name: 'Search' }).click();
			await expect(visitor.getByText(/results? for “/)).toBeVisible();
			await checkA11y(visitor);
			const found = visitor
				.getByRole('listitem')
				.filter({ has: visitor.getByText('Minutes', { exact: true }) })
				.getByRole('link');
			await found.first().click();
			await expect(visitor).toHaveURL(new RegExp(`${meeting.path}/minutes`));
			await expect(visitor.getByRole('heading', { name: 'Questions and answers' })).toBeVisible();
			await expect(visitor.getByText(question)).toBeVisible();
			await checkA11y(visitor);

			// …and follows the ledger to the question left unanswered.
			await visitor.getByRole('link', { name: 'Ledger' }).click();
			await expect(
				visitor.getByRole('heading', { level: 1, name: 'Accountability ledger' })
			).toBeVisible();
			const row = visitor.getByRole('row').filter({ hasText: question });
			await expect(row).toContainText('Not answered');
			await expect(visitor.getByRole('row').filter({ hasText: promise })).toContainText('Dropped');
			await checkA11y(visitor);

			// The group's page leads to the latest minutes and sums up the ledger.
			await visitor.goto(`/g/${meeting.group.slug}`);
			await expect(visitor.getByText('Version 1, published')).toBeVisible();
			await expect(
				visitor.getByText('Questions left unresolved: 1. Open actions: 0, of which overdue: 0.')
			).toBeVisible();
			await checkA11y(visitor);

			// The secretary amends the minutes; the visitor compares the two versions.
			const addition = 'The chair thanked the interpreters who came to the meeting.';
			await secretaryPage.goto(`${meeting.path}/minutes/edit`);
			await checkA11y(secretaryPage);
			await draft.fill(`${await draft.inputValue()}\n\n${addition}`);
			await secretaryPage.getByRole('button', { name: 'Save the draft' }).click();
			await expect(secretaryPage.getByText('Draft saved.')).toBeVisible();
			await checkA11y(secretaryPage);
			// An amendment needs a change note: the form will not go without one.
			await secretaryPage.getByRole('button', { name: 'Publish an amendment' }).click();
			await expect(secretaryPage.getByText('Version 2 published.')).toHaveCount(0);
			await secretaryPage.getByLabel('Change note').fill('Recorded the chair’s thanks.');
			await secretaryPage.getByRole('button', { name: 'Publish an amendment' }).click();
			await expect(secretaryPage.getByText('Version 2 published.')).toBeVisible();
			await checkA11y(secretaryPage);

			await visitor.goto(`${meeting.path}/minutes`);
			await expect(visitor.getByText(addition)).toBeVisible();
			await visitor.getByLabel('From version').selectOption('1');
			await visitor.getByLabel('To version').selectOption('2');
			await visitor.getByRole('button', { name: 'Show the differences' }).click();
			await expect(
				visitor.getByRole('heading', { name: 'Changes from version 1 to version 2' })
			).toBeVisible();
			await expect(
				visitor.locator('ins').filter({ hasText: 'thanked the interpreters' })
			).toBeVisible();
			await expect(
				visitor.getByRole('cell', { name: 'Recorded the chair’s thanks.' })
			).toBeVisible();
			await checkA11y(visitor);
			// Version 1 by itself: as published, for ever, and a way to the current minutes.
			await visitor.getByRole('link', { name: 'Version 1', exact: true }).click();
			await expect(visitor.getByText('exactly as it was published')).toBeVisible();
			await expect(visitor.getByText(addition)).toHaveCount(0);
			await checkA11y(visitor);
			await visitor.getByRole('link', { name: /Read the current minutes/ }).click();
			await expect(visitor.getByText(addition)).toBeVisible();
		});
	});
}
