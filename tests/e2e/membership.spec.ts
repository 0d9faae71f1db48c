import type { Page } from '@playwright/test';
import {
	admin,
	checkA11y,
	createGroupWithChair,
	expect,
	logIn,
	logOut,
	newAccount,
	newGroup,
	signUp,
	test,
	type Account
} from './fixtures';

const refusalReason = 'The group has reached the number of organisations the Service can support.';
const appealReason =
	'On appeal: legal advice is missing from the group, so one more place is made.';

async function visit(page: Page, path: string) {
	await page.goto(path);
	await checkA11y(page);
}

// Five people and some twenty pages, each checked with axe: longer than the default budget.
test.describe.configure({ timeout: 180_000 });

/** The whole membership flow, driven through the pages as people would. */
async function membershipFlow(page: Page) {
	const chair = newAccount('Chair');
	const applicant = newAccount('Applicant');
	const group = newGroup();
	const organisation = `Harbour Law Centre ${group.slug.slice(-6)}`;
	await signUp(page, chair);
	await logOut(page);
	await signUp(page, applicant);
	await logOut(page);
	await logIn(page, admin);
	await createGroupWithChair(page, group, chair);
	await logOut(page);

	// The applicant applies; a missing field comes back with a message and the typed values kept.
	await logIn(page, applicant);
	await visit(page, `/g/${group.slug}/apply`);
	await page.getByLabel('Name of the organisation').fill(organisation);
	await page.getByLabel('Kind of organisation').selectOption({ label: 'Legal advice' });
	await page.getByLabel('Area served').fill('Riverside');
	await page.getByLabel('Public description of the organisation').fill('Free legal advice.');
	await page.getByLabel('Contact person').fill('Daniel Mensah');
	await page.getByLabel('Contact email').fill('daniel@law.example');
	await page.getByLabel('Statement').fill('Our clients are held in the custody suites.');
	await page.getByRole('button', { name: 'Submit the application' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Application from ${organisation}`
	);
	const applicationPath = new URL(page.url()).pathname;
	await expect(page.getByText('Submitted', { exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Private: the officers and you' })).toBeVisible();
	await checkA11y(page);
	await logOut(page);

	// The chair refuses: first without a reason (refused by the form), then with one.
	await logIn(page, chair);
	await visit(page, applicationPath);
	await expect(page.getByRole('heading', { name: /Internal notes/ })).toBeVisible();
	await page.getByRole('radio', { name: 'Refuse' }).check();
	await page.getByRole('button', { name: 'Record the decision' }).click();
	await expect(page.getByRole('alert')).toContainText('Some of what you entered needs changing.');
	await expect(page.getByRole('radio', { name: 'Refuse' })).toBeChecked();
	await checkA11y(page);
	// The label says when the reason is required (it said "optional": issue 20).
	await expect(page.getByLabel('Public reason (required when refusing)')).toBeVisible();
	await page.getByLabel(/Public reason/).fill(refusalReason);
	await page.getByRole('button', { name: 'Record the decision' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'The decision has been recorded and published.'
	);
	await expect(page.getByText(`Reason: ${refusalReason}`)).toBeVisible();
	await checkA11y(page);
	await logOut(page);

	// A signed-out visitor reads the refusal and its reason in the register.
	await visit(page, `/g/${group.slug}/applications`);
	const row = page.getByRole('row').filter({ hasText: organisation });
	await expect(row).toContainText('Refused');
	await expect(row).toContainText(refusalReason);
	await expect(page.getByText('daniel@law.example')).toHaveCount(0);
	await expect(page.getByText('Daniel Mensah')).toHaveCount(0);

	// The applicant appeals, from their account page.
	await logIn(page, applicant);
	await page.getByRole('link', { name: organisation }).click();
	await expect(page).toHaveURL(applicationPath);
	await checkA11y(page);
	await page.getByLabel('Your appeal').fill('No legal advice organisation sits on the group.');
	await page.getByRole('button', { name: 'Appeal the refusal' }).click();
	await expect(page.getByRole('status')).toHaveText('Your appeal has been recorded.');
	await expect(page.getByRole('button', { name: 'Appeal the refusal' })).toHaveCount(0);
	await checkA11y(page);
	await logOut(page);

	// The chair who refused may not judge the appeal. With no vice-chair appointed, the site
	// administrator decides, and the record says so; the refusal is overturned.
	await logIn(page, chair);
	await visit(page, applicationPath);
	await expect(page.getByRole('button', { name: 'Decide the appeal' })).toHaveCount(0);
	await logOut(page);
	await logIn(page, admin);
	await visit(page, applicationPath);
	await page.getByRole('radio', { name: 'Overturn the refusal and accept' }).check();
	await page.getByLabel(/Public reason/).fill(appealReason);
	await page.getByRole('button', { name: 'Decide the appeal' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'The decision has been recorded and published.'
	);
	await expect(
		page.getByRole('strong').filter({ hasText: 'Appeal decided: refusal overturned' })
	).toBeVisible();
	await checkA11y(page);
	await logOut(page);

	// The public sees the member and the figures.
	await visit(page, `/g/${group.slug}/members`);
	await expect(page.getByRole('listitem').filter({ hasText: organisation })).toContainText(
		'Legal advice'
	);
	const byCategory = page.locator('#table-by-category');
	await expect(byCategory.getByRole('row', { name: /Legal advice/ })).toContainText('1');
	const applications = page.locator('#table-applications');
	await expect(
		applications.getByRole('row', { name: /Legal advice/ }).getByRole('cell')
	).toHaveText(['1', '1', '0', '0', '0']);
	await expect(
		page.getByRole('img', { name: 'Current members by kind of organisation' })
	).toBeVisible();
	await visit(page, `/g/${group.slug}/decisions`);
	// The chair's appointment, the refusal, the appeal referred to the administrator, its outcome.
	await expect(page.getByRole('status')).toHaveText(
		'Verified: all 4 entries hold together, from the first to the last.'
	);
	await visit(page, `/g/${group.slug}/applications`);
	await expect(page.getByRole('row').filter({ hasText: organisation })).toContainText(appealReason);
	return { chair: chair as Account, applicant: applicant as Account };
}

test('apply → refuse with a reason → public register → appeal → accept → members and figures', async ({
	page
}) => {
	await membershipFlow(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the same membership flow works with plain form posts', async ({ page }) => {
		await membershipFlow(page);
	});
});
