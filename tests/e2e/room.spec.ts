import { expect, liveMeeting, newPage as open, test } from './fixtures';

/** Issue 20: getting in from the room, the phone, the projector screen, controls. */

test('starting a meeting with “Make a join code” ticked makes a code, as a browser posts the form', async ({
	browser,
	page,
	checkA11y
}) => {
	const chairPage = await open(browser, '/');
	// Open to anyone: only the checkbox can ask for a code.
	const meeting = await liveMeeting(page.request, chairPage.request, 'open', ['scheduled']);
	await chairPage.goto(`${meeting.path}/edit`);
	await checkA11y(chairPage);
	await expect(chairPage.getByLabel('Make a join code for live questions')).toBeChecked();
	await chairPage.getByRole('button', { name: 'Start the meeting' }).click();
	await expect(chairPage.getByRole('status')).toContainText('live');
	await checkA11y(chairPage);
	await chairPage.goto(meeting.path);
	await checkA11y(chairPage);
	await expect(chairPage.getByText(/Join code for live questions: [A-Z2-9]{8}/)).toBeVisible();
});
