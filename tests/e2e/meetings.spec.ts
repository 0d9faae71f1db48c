import type { Page } from '@playwright/test';
import {
	checkA11y,
	expect,
	groupWithOfficers,
	logIn,
	logOut,
	newAccount,
	signUp,
	test,
	type GroupInput
} from './fixtures';

async function visit(page: Page, path: string) {
	await page.goto(path);
	await checkA11y(page);
}

/** A local date-time some days ahead, as a datetime-local input takes it. */
const ahead = (days: number, time: string) =>
	`${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;

/** As the secretary: a new draft meeting from the meetings page; lands on its edit page. */
async function createMeeting(page: Page, group: GroupInput, title: string) {
	await visit(page, `/g/${group.slug}/meetings`);
	await page.getByRole('link', { name: 'New meeting' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'New meeting' })).toBeVisible();
	await checkA11y(page);
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Starts').fill(ahead(10, '18:00'));
	// The end before the start: refused, with what was typed kept.
	await page.getByLabel('Ends').fill(ahead(10, '17:00'));
	await page.getByLabel('Place').fill('Harbour Community Hall');
	await page.getByLabel('Livestream link').fill('https://video.example.org/harbour/live');
	await page.getByRole('button', { name: 'New meeting' }).click();
	await expect(page.getByRole('alert')).toContainText('The end must be after the start.');
	await expect(page.getByLabel('Ends')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Title')).toHaveValue(title);
	await checkA11y(page);
	await page.getByLabel('Ends').fill(ahead(10, '20:00'));
	await page.getByRole('button', { name: 'New meeting' }).click();
	await expect(page.getByRole('status')).toContainText('created as a draft');
	await checkA11y(page);
	return new URL(page.url()).pathname.replace(/\/edit$/, '');
}

async function addItem(page: Page, title: string, minutes: string, description = '') {
	const form = page.getByRole('form', { name: 'Add an agenda item' });
	await form.getByLabel('Title').fill(title);
	if (description) await form.getByLabel('Description').fill(description);
	await form.getByLabel('Planned minutes').fill(minutes);
	await form.getByRole('button', { name: 'Add an agenda item' }).click();
	await expect(page.getByRole('status')).toHaveText('Agenda item added.');
	await checkA11y(page);
}

const agendaTitles = (page: Page) => page.locator('ol.agenda-edit li strong');

async function publish(page: Page, meeting: string) {
	await visit(page, `${meeting}/edit`);
	await page.getByRole('button', { name: 'Publish (schedule) the meeting' }).click();
	await expect(page.getByRole('status')).toHaveText('The meeting is now: Scheduled.');
	await checkA11y(page);
}

test('a secretary publishes an agenda with a paper; the public reads it and takes the calendar entry', async ({
	page
}) => {
	test.slow(); // a whole story: five accounts, a group, a meeting from draft to held
	const { chair, secretary, group } = await groupWithOfficers(page);

	await logIn(page, secretary);
	const meeting = await createMeeting(page, group, 'Quarterly meeting');
	const number = meeting.split('/').pop();

	// A draft is the officers' alone.
	await visit(page, `${meeting}/agenda`);
	await addItem(page, 'Welcome', '10');
	await addItem(page, 'Custody record checks', '45', 'The **Service** reports.');
	await addItem(page, 'Any other business', '5');
	await page.getByRole('button', { name: 'Move up: Any other business' }).click();
	await expect(agendaTitles(page)).toHaveText([
		'Welcome',
		'Any other business',
		'Custody record checks'
	]);
	await checkA11y(page);

	await page.getByRole('link', { name: 'Edit: Custody record checks' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Custody record checks');
	await checkA11y(page);
	const upload = page.getByRole('form', { name: 'Upload a PDF' });
	await upload.getByLabel('Title of the document').fill('Custody statistics');
	await upload.getByLabel('PDF file').setInputFiles({
		name: 'notes.txt',
		mimeType: 'application/pdf',
		buffer: Buffer.from('not really a PDF')
	});
	await upload.getByRole('button', { name: 'Upload a PDF' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'This file is not a PDF. Upload a PDF document.'
	);
	await expect(upload.getByLabel('PDF file')).toHaveAttribute('aria-invalid', 'true');
	await expect(upload.getByLabel('Title of the document')).toHaveValue('Custody statistics');
	await checkA11y(page);
	await upload.getByLabel('PDF file').setInputFiles({
		name: 'statistics.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n')
	});
	await upload.getByRole('button', { name: 'Upload a PDF' }).click();
	await expect(page.getByRole('status')).toHaveText('Document added.');
	await expect(page.getByRole('link', { name: 'Custody statistics' })).toBeVisible();
	await checkA11y(page);

	await logOut(page);
	expect((await page.request.get(meeting)).status()).toBe(404);
	await logIn(page, secretary);
	await publish(page, meeting);
	await logOut(page);

	// A member organisation, accepted (set up through the API), so attendance can be recorded.
	const representative = newAccount('Representative');
	await signUp(page, representative);
	const applied = await page.request.post(`/api/v1/groups/${group.slug}/applications`, {
		data: {
			organisation: {
				name: `Harbour Law Centre ${group.slug.slice(-5)}`,
				category: 'Legal advice',
				area: 'Harbour',
				description: 'Free legal advice.'
			},
			contact: { name: representative.name, email: representative.email },
			statement: 'Our clients are held in the custody suites.'
		}
	});
	expect(applied.status()).toBe(201);
	const application = (await applied.json()) as { id: string };
	await logOut(page);
	await logIn(page, chair);
	const decided = await page.request.post(
		`/api/v1/groups/${group.slug}/applications/${application.id}/decision`,
		{ data: { outcome: 'accepted' } }
	);
	expect(decided.status()).toBe(200);
	await logOut(page);

	// Signed out: the meeting, its agenda in running order, the paper and the calendar entry.
	await visit(page, `/g/${group.slug}`);
	await expect(
		page.getByRole('link', { name: `Meeting ${number}: Quarterly meeting` })
	).toBeVisible();
	await page.getByRole('link', { name: 'Meetings', exact: true }).click();
	await checkA11y(page);
	await page.getByRole('link', { name: `Meeting ${number}: Quarterly meeting` }).click();
	await expect(page).toHaveURL(meeting);
	await checkA11y(page);
	const agenda = page.locator('ol.agenda > li');
	await expect(agenda.locator('h4')).toHaveText([
		'Welcome',
		'Any other business',
		'Custody record checks'
	]);
	await expect(agenda.nth(1)).toContainText('Planned start: 18:10');
	await expect(agenda.nth(2)).toContainText('Planned start: 18:15');
	await expect(agenda.nth(2).locator('.prose strong')).toHaveText('Service');
	await expect(page.getByText(`(${group.timeZone})`)).toBeVisible();
	const paper = await page.request.get(
		(await page.getByRole('link', { name: 'Custody statistics' }).getAttribute('href'))!
	);
	expect(paper.headers()['content-type']).toBe('application/pdf');
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Add to calendar (.ics)' }).click();
	const download = await downloading;
	const ics = await (await download.createReadStream()).toArray();
	const text = Buffer.concat(ics).toString('utf8');
	expect(text).toContain('BEGIN:VEVENT');
	expect(text).toContain(`SUMMARY:${group.name}: Quarterly meeting`);

	// The secretary records attendance; the public sees it on the meeting and the group page.
	await logIn(page, secretary);
	await visit(page, `${meeting}/edit`);
	await page.getByRole('button', { name: 'Start the meeting' }).click();
	await expect(page.getByRole('status')).toHaveText('The meeting is now: Under way.');
	await checkA11y(page);
	await page.getByRole('link', { name: 'Record attendance' }).click();
	await checkA11y(page);
	await page
		.getByLabel(`Harbour Law Centre ${group.slug.slice(-5)}`)
		.selectOption({ label: 'Present' });
	await page.getByLabel('Other attendees (number of people)').fill('7');
	await page.getByRole('button', { name: 'Record attendance' }).click();
	await expect(page.getByRole('status')).toHaveText('Attendance recorded.');
	await checkA11y(page);
	await visit(page, `${meeting}/edit`);
	// Closing asks first, saying what it will do (issue 20).
	await page.getByRole('link', { name: 'Close the meeting…' }).click();
	await expect(page.getByRole('heading', { name: 'Close the meeting?' })).toBeVisible();
	await checkA11y(page);
	await page.getByRole('button', { name: 'Yes, close the meeting' }).click();
	await expect(page.getByRole('status')).toHaveText('The meeting is now: Held.');
	await checkA11y(page);
	// Held, its details are fixed; its recording is added after.
	const recordingForm = page.getByRole('form', { name: 'Recording' });
	await recordingForm
		.getByLabel('Recording link')
		.fill('https://video.example.org/harbour/recording');
	await recordingForm.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Meeting saved.');
	await logOut(page);
	await visit(page, meeting);
	await expect(page.getByRole('link', { name: 'Watch the livestream' })).toHaveAttribute(
		'href',
		'https://video.example.org/harbour/live'
	);
	await expect(page.getByRole('link', { name: 'Watch the recording' })).toHaveAttribute(
		'href',
		'https://video.example.org/harbour/recording'
	);
	await expect(
		page.getByRole('row', { name: `Harbour Law Centre ${group.slug.slice(-5)} Present` })
	).toBeVisible();
	await expect(page.getByText('Other attendees: 7')).toBeVisible();
	await visit(page, `/g/${group.slug}`);
	await expect(
		page.getByRole('heading', { name: 'Attendance over the last meetings' })
	).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the agenda is built and reordered with plain form posts, and published', async ({
		page
	}) => {
		test.slow();
		const { secretary, group } = await groupWithOfficers(page);
		await logIn(page, secretary);
		const meeting = await createMeeting(page, group, 'Meeting without scripts');
		await visit(page, `${meeting}/agenda`);
		await addItem(page, 'First item', '10');
		await addItem(page, 'Second item', '20');
		await page.getByRole('button', { name: 'Move down: First item' }).click();
		await expect(agendaTitles(page)).toHaveText(['Second item', 'First item']);
		await checkA11y(page);
		await publish(page, meeting);
		await logOut(page);
		await visit(page, meeting);
		await expect(page.locator('ol.agenda h4')).toHaveText(['Second item', 'First item']);
	});
});
