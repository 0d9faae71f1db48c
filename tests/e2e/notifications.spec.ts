import { randomInt } from 'node:crypto';
import {
	checkA11y,
	expect,
	expectNoSidewaysScroll,
	linkFromMail,
	liveMeeting,
	newAccount,
	newPage,
	signUp,
	test
} from './fixtures';

test('following a group by address alone, without JavaScript: the link, the news, the choices, the stop', async ({
	browser,
	request,
	playwright,
	baseURL
}) => {
	const chairRequest = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { 'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.7` }
	});
	const { group, path } = await liveMeeting(request, chairRequest, 'open', []);
	const email = newAccount('Neighbour').email;
	const page = await newPage(browser, `/g/${group.slug}`, false);
	await page.setViewportSize({ width: 390, height: 800 });
	await checkA11y(page);
	await page.getByRole('link', { name: 'Follow by email' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Follow ${group.name}` })).toBeVisible();
	await checkA11y(page);
	await expectNoSidewaysScroll(page);
	await page.getByLabel('Email').fill(email);
	await page.getByRole('button', { name: 'Follow by email' }).click();
	await expect(page.getByRole('status')).toContainText('a link to confirm is on its way');
	await checkA11y(page);

	// The link's page asks before it acts (mail scanners open links).
	await page.goto(await linkFromMail(email, '/follow/'));
	await checkA11y(page);
	await page.getByRole('button', { name: 'Confirm' }).click();
	await expect(page.getByText(`Confirmed: emails will now come to ${email}.`)).toBeVisible();
	await checkA11y(page);

	// The meeting is published: the follower hears of it, with a link to their settings.
	const moved = await chairRequest.patch(
		`/api/v1/groups/${group.slug}${path.slice(path.indexOf('/meetings'))}`,
		{
			data: { state: 'scheduled' }
		}
	);
	expect(moved.status(), await moved.text()).toBe(200);
	const settings = await linkFromMail(email, '/notifications/', '[0-9a-f-]{36}\\.[A-Za-z0-9_-]+');
	await page.goto(settings);
	await expect(page.getByRole('heading', { level: 1, name: 'Email notifications' })).toBeVisible();
	await expect(page.getByRole('link', { name: group.name })).toBeVisible();
	await checkA11y(page);
	await expectNoSidewaysScroll(page);
	await page
		.getByRole('group', { name: 'Minutes published or amended' })
		.getByLabel('Weekly digest')
		.check();
	await page.getByRole('button', { name: 'Save choices' }).click();
	await expect(page.getByRole('status')).toContainText('Your choices are saved.');
	await expect(
		page.getByRole('group', { name: 'Minutes published or amended' }).getByLabel('Weekly digest')
	).toBeChecked();
	await checkA11y(page);

	// The unsubscribe page of one topic, then stopping everything.
	await page.goto(`${settings}/unsubscribe?topic=meetings`);
	await checkA11y(page);
	await page.getByRole('button', { name: 'Unsubscribe' }).click();
	await expect(page.getByRole('status')).toContainText('no more emails about');
	await checkA11y(page);
	await page.getByRole('link', { name: 'Other choices' }).click();
	await expect(
		page.getByRole('group', { name: /^Meetings scheduled/ }).getByLabel('Off')
	).toBeChecked();
	await page.getByRole('button', { name: 'Stop all emails' }).click();
	await expect(page.getByRole('status')).toContainText('No more notifications');
	await checkA11y(page);
	await chairRequest.dispose();
});

test('following with an account, by keyboard', async ({ page, request, playwright, baseURL }) => {
	const chairRequest = await playwright.request.newContext({
		baseURL,
		extraHTTPHeaders: { 'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.8` }
	});
	const { group } = await liveMeeting(request, chairRequest, 'open', []);
	await chairRequest.dispose();
	const reader = newAccount('Reader');
	await signUp(page, reader);
	await page.goto(`/g/${group.slug}/follow`);
	await checkA11y(page);
	const follow = page.getByRole('button', { name: 'Follow this group' });
	await follow.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('You now follow this group.');
	await checkA11y(page);
	await page.getByRole('link', { name: 'Choose what you receive' }).click();
	await expect(page).toHaveURL('/account/notifications');
	await expect(page.getByRole('link', { name: group.name })).toBeVisible();
	await checkA11y(page);
	await page.getByRole('button', { name: `Stop following ${group.name}` }).click();
	await expect(page.getByRole('status')).toContainText('You no longer follow');
	await expect(page.getByText('You follow no group.')).toBeVisible();
	await checkA11y(page);
});
