import type { Page } from '@playwright/test';
import {
	expect,
	expectControlsAtLeast24,
	expectNoSidewaysScroll,
	liveMeeting,
	newPage as open,
	test
} from './fixtures';

/**
 * Moderating without mistakes, the chair's path and the asker's own view (issue 20, items 4–6),
 * on a phone and on a desktop screen.
 */

async function premoderate(chair: Page, path: string) {
	await chair.goto(`${path}/moderate`);
	await chair.getByText('Settings', { exact: true }).click();
	await chair.getByLabel('New questions').selectOption('premoderated');
	await chair.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(chair.getByRole('status')).toContainText('Saved');
}

for (const viewport of [
	{ width: 390, height: 844 },
	{ width: 1920, height: 1080 }
]) {
	test.describe(`at ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport });

		test('reject with undo, restore from the list, the merge step, the pinned label and closing', async ({
			browser,
			page,
			checkA11y
		}) => {
			test.slow(); // a whole meeting's moderation, and a wait for the undo to go
			const chair = await open(browser, '/');
			await chair.setViewportSize(viewport);
			const meeting = await liveMeeting(page.request, chair.request);
			await premoderate(chair, meeting.path);
			await checkA11y(chair);

			// The asker sees their question at once, awaiting approval.
			const first = 'Who checks the accuracy of foreign custody records?';
			await page.goto(`${meeting.path}/live`);
			await checkA11y(page);
			await page.getByLabel('Your question').fill(first);
			await page.getByRole('button', { name: 'Send question' }).click();
			const mine = page.getByRole('article').filter({ hasText: first });
			await expect(mine).toContainText('Awaiting approval');
			await expect(mine).toContainText('Your question');

			// The approval queue comes first; nothing is rejected in one click.
			await chair.reload();
			const headings = await chair.getByRole('heading', { level: 2 }).allTextContents();
			expect(headings.findIndex((h) => h.startsWith('Awaiting approval'))).toBeLessThan(
				headings.indexOf('Record a question from the floor')
			);
			const card = chair.getByRole('article').filter({ hasText: first });
			await expect(card.getByRole('radio')).toHaveCount(0);
			await card.getByRole('link', { name: 'Reject…' }).click();
			const step = card.getByRole('group', { name: 'Reject this question' });
			await expect(step.getByRole('radio')).toHaveCount(4);
			for (const radio of await step.getByRole('radio').all())
				await expect(radio).not.toBeChecked();
			await expectNoSidewaysScroll(chair);
			await checkA11y(chair);
			await step.getByLabel('Off-topic').check();
			await card.getByRole('button', { name: 'Reject publicly' }).click();
			const undo = chair.getByRole('status').filter({ hasText: 'Question rejected.' });
			await expect(undo).toBeVisible();
			// The asker is told why, in place, live.
			await expect(mine).toContainText('Your question was rejected: Off-topic');
			await chair.screenshot({ path: test.info().outputPath('undo.png'), fullPage: true });
			await page.screenshot({ path: test.info().outputPath('asker-rejected.png'), fullPage: true });
			await undo.getByRole('button', { name: 'Undo' }).click();
			await expect(chair.getByRole('status')).toContainText('Question restored.');
			await expect(mine).toContainText('Awaiting approval');
			await expect(mine).not.toContainText('rejected');

			// Rejected again, it waits in the list until restored from there.
			await card.getByRole('link', { name: 'Reject…' }).click();
			await step.getByLabel('Duplicate').check();
			await card.getByRole('button', { name: 'Reject publicly' }).click();
			const removed = chair.getByRole('region', { name: /Rejected and merged/ });
			await expect(removed.getByRole('listitem').filter({ hasText: first })).toContainText(
				'Rejected: Duplicate'
			);
			await expect(mine).toContainText('Your question was rejected: Duplicate');
			// The undo is offered for a few seconds only (the list keeps Restore).
			const undoAgain = chair.getByRole('status').filter({ hasText: 'Question rejected.' });
			await expect(undoAgain).toBeVisible();
			await expect(undoAgain).toBeHidden({ timeout: 15_000 });
			await removed
				.getByRole('listitem')
				.filter({ hasText: first })
				.getByRole('button', { name: 'Restore' })
				.click();
			await expect(chair.getByRole('status')).toContainText('Question restored.');
			await expect(mine).toContainText('Awaiting approval');
			await card.getByRole('button', { name: 'Approve' }).click();
			await expect(mine).not.toContainText('Awaiting approval');

			// Merge asks for its target, none preselected; then it can be restored.
			const second = 'How accurate are the records sent from abroad?';
			await page.getByLabel('Your question').fill(second);
			await page.getByRole('button', { name: 'Send question' }).click();
			await expect(page.getByRole('article').filter({ hasText: second })).toContainText(
				'Awaiting approval'
			);
			const secondCard = chair.getByRole('article').filter({ hasText: second });
			await secondCard.getByRole('button', { name: 'Approve' }).click();
			await expect(secondCard.getByRole('link', { name: 'Merge…' })).toBeVisible();
			await secondCard.getByRole('link', { name: 'Merge…' }).click();
			const mergeStep = secondCard.getByRole('group', { name: 'Merge as a duplicate' });
			await expect(mergeStep.getByRole('radio')).toHaveCount(1);
			await expect(mergeStep.getByRole('radio')).not.toBeChecked();
			await expectNoSidewaysScroll(chair);
			await chair.setViewportSize({ width: 320, height: 700 });
			await expectNoSidewaysScroll(chair);
			await chair.setViewportSize(viewport);
			await mergeStep.getByLabel(first).check();
			await secondCard.getByRole('button', { name: 'Merge', exact: true }).click();
			await expect(chair.getByRole('status').filter({ hasText: 'Question merged.' })).toBeVisible();
			const mergedItem = removed.getByRole('listitem').filter({ hasText: second });
			await expect(mergedItem).toContainText('merged into: Who checks');
			await mergedItem.getByRole('button', { name: 'Restore' }).click();
			await expect(chair.getByRole('article').filter({ hasText: second })).toBeVisible();

			// The pinned card says so.
			const firstCard = chair.getByRole('article').filter({ hasText: first });
			await firstCard.getByRole('button', { name: 'Pin as being answered' }).click();
			await expect(firstCard.getByText('Pinned', { exact: true })).toBeVisible();
			await expectNoSidewaysScroll(chair);
			await checkA11y(chair);
			// For review (test-results/): the console as the chair sees it.
			await chair.screenshot({ path: test.info().outputPath('console.png'), fullPage: true });
			await chair.setViewportSize({ width: 320, height: 700 });
			await expectNoSidewaysScroll(chair);
			await expectControlsAtLeast24(chair);
			await chair.screenshot({ path: test.info().outputPath('console-320.png'), fullPage: true });
			await chair.setViewportSize(viewport);

			// The chair's path: moderation and the screen first; closing asks first.
			await chair.goto(`${meeting.path}/edit`);
			await checkA11y(chair);
			const run = chair.getByRole('navigation', { name: 'Run the meeting' });
			await expect(run.getByRole('link', { name: 'Moderation console' })).toBeVisible();
			await expect(run.getByRole('link', { name: 'Screen for the hall' })).toBeVisible();
			await chair.getByRole('link', { name: 'Close the meeting…' }).click();
			await expect(chair.getByRole('heading', { name: 'Close the meeting?' })).toBeVisible();
			await expect(chair.getByText('Published questions not yet answered: 2.')).toBeVisible();
			await expect(chair.getByText(/Draft minutes are generated/)).toBeVisible();
			await checkA11y(chair);
			await chair.screenshot({ path: test.info().outputPath('close.png'), fullPage: true });
			await chair.getByRole('button', { name: 'Yes, close the meeting' }).click();
			await expect(chair.getByRole('status')).toHaveText('The meeting is now: Held.');
			await checkA11y(chair);
		});
	});
}

// R5 (issue 16): a double click (an impatient chair, a trackpad that bounces) sends the console's
// form twice before its answer; the request id it carries makes the second change nothing.
test('a double click on the console records a question from the floor once', async ({
	browser,
	page,
	checkA11y
}) => {
	const chair = await open(browser, '/');
	const meeting = await liveMeeting(page.request, chair.request);
	await chair.goto(`${meeting.path}/moderate`);
	const text = 'From the floor: who reviews the operation each month?';
	const floor = chair.getByRole('region', { name: 'Record a question from the floor' });
	await floor.getByRole('textbox').first().fill(text);
	await floor.getByRole('button', { name: 'Record a question from the floor' }).dblclick();
	await expect(chair.getByRole('status')).toContainText('Saved');
	await chair.reload();
	await expect(chair.getByRole('article').filter({ hasText: text })).toHaveCount(1);
	await checkA11y(chair);
	await page.goto(`${meeting.path}/live`);
	await expect(page.getByRole('article').filter({ hasText: text })).toHaveCount(1);
	await checkA11y(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

	test('the asker sees their pending question, then why it was rejected; the chair rejects through the step', async ({
		browser,
		page,
		checkA11y
	}) => {
		const chair = await open(browser, '/', false);
		await chair.setViewportSize({ width: 390, height: 844 });
		const meeting = await liveMeeting(page.request, chair.request);
		await premoderate(chair, meeting.path);
		await checkA11y(chair);

		const question = 'Are people told why their records are being checked?';
		await page.goto(`${meeting.path}/live`);
		await checkA11y(page);
		await page.getByLabel('Your question').fill(question);
		await page.getByRole('button', { name: 'Send question' }).click();
		const mine = page.getByRole('article').filter({ hasText: question });
		await expect(mine).toContainText('Awaiting approval');
		await checkA11y(page);

		await chair.goto(`${meeting.path}/moderate`); // a reload would post again
		const card = chair.getByRole('article').filter({ hasText: question });
		await card.getByRole('link', { name: 'Reject…' }).click();
		await expect(chair).toHaveURL(/\?reject=/);
		await checkA11y(chair);
		await expectNoSidewaysScroll(chair);
		await chair.getByLabel('Off-topic').check();
		await chair.getByLabel('Note to the asker').fill('Please raise it at the next meeting.');
		await chair.getByRole('button', { name: 'Reject publicly' }).click();
		await expect(chair.getByRole('status')).toContainText('Question rejected.');
		await expect(chair.getByRole('button', { name: 'Undo' })).toBeVisible();
		await checkA11y(chair);

		await page.goto(`${meeting.path}/live`);
		await expect(mine).toContainText('Your question was rejected: Off-topic');
		await expect(mine).toContainText('Please raise it at the next meeting.');
		await checkA11y(page);
		// Another participant's page does not say it is theirs.
		const other = await open(browser, `${meeting.path}/live`, false);
		await expect(other.getByText('Your question was rejected')).toHaveCount(0);
		await checkA11y(other);

		// The chair undoes it without JavaScript too.
		await chair.getByRole('button', { name: 'Undo' }).click();
		await expect(chair.getByRole('status')).toContainText('Question restored.');
		await checkA11y(chair);
		await page.goto(`${meeting.path}/live`);
		await expect(mine).toContainText('Awaiting approval');
		await checkA11y(page);
	});
});
