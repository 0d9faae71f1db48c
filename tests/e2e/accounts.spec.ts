import {
	checkA11y,
	expect,
	groupWithOfficers,
	linkFromMail,
	logIn,
	logOut,
	newAccount,
	signUp,
	test
} from './fixtures';

test('a forgotten password: the emailed link, a new password, every other device signed out', async ({
	page,
	browser
}) => {
	const account = newAccount('Forgetful');
	await signUp(page, account);
	// Another device signed in to the same account.
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await logIn(otherPage, account);
	await logOut(page);

	await page.goto('/login');
	await checkA11y(page);
	await page.getByRole('link', { name: 'Forgotten your password?' }).click();
	await expect(page).toHaveURL('/password-reset');
	await checkA11y(page);
	const sent = 'If an account uses that address, a link is on its way to it.';
	// An address with no account gets the very same answer.
	await page.getByLabel('Email').fill(`nobody-${account.email}`);
	await page.getByRole('button', { name: 'Send the link' }).click();
	await expect(page.getByRole('status')).toContainText(sent);
	await page.getByLabel('Email').fill(account.email);
	await page.getByRole('button', { name: 'Send the link' }).click();
	await expect(page.getByRole('status')).toContainText(sent);
	await checkA11y(page);

	const link = await linkFromMail(account.email, '/password-reset/');
	await page.goto(link);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Choose a new password' })
	).toBeVisible();
	await checkA11y(page);
	const newPassword = `${account.password} again`;
	await page.getByLabel('New password').fill(newPassword);
	await page.getByRole('button', { name: 'Save the new password' }).click();
	await expect(page).toHaveURL('/account?reset=1');
	await expect(
		page.getByText('Password changed. Other devices have been signed out.')
	).toBeVisible();
	await checkA11y(page);

	// The other device was signed out; the link works once.
	await otherPage.goto('/account');
	await expect(otherPage).toHaveURL(/\/login/);
	await checkA11y(otherPage);
	await other.close();
	await page.goto(link);
	await expect(
		page.getByRole('heading', { level: 1, name: 'This link does not work' })
	).toBeVisible();
	await checkA11y(page);

	await page.goto('/account');
	await logOut(page);
	await logIn(page, { ...account, password: newPassword });
});

test('until the address is confirmed one cannot apply or be appointed; the account page sends the link again', async ({
	page
}) => {
	const { chair, group } = await groupWithOfficers(page);
	const account = newAccount('Unconfirmed');
	await signUp(page, account, { confirm: false });
	await logOut(page);
	// Anyone can sign up with an address: the chair cannot appoint it until its owner confirms.
	await logIn(page, chair);
	await page.goto(`/g/${group.slug}/officers`);
	const appoint = page.getByRole('form', { name: 'Appoint an officer' });
	await appoint.getByLabel('Email of the person to appoint').fill(account.email);
	await appoint.getByLabel('Role').selectOption({ label: 'Secretary' });
	await appoint.getByRole('button', { name: 'Appoint an officer' }).click();
	await expect(page.getByRole('alert')).toContainText('has not confirmed their email address');
	await checkA11y(page);
	await logOut(page);
	await logIn(page, account);
	await expect(page.getByText('Your email address is not confirmed yet')).toBeVisible();
	await page.goto(`/g/${group.slug}/apply`);
	await expect(page.getByRole('status')).toContainText('Confirm your email address first');
	await expect(page.getByRole('button', { name: 'Apply' })).toHaveCount(0);
	await checkA11y(page);
	await page.goto('/account');
	const first = await linkFromMail(account.email, '/account/confirm/');
	await page.getByRole('button', { name: 'Send the link again' }).click();
	await expect(page.getByText('A new link is on its way.')).toBeVisible();
	await checkA11y(page);
	let link = first;
	await expect
		.poll(async () => (link = await linkFromMail(account.email, '/account/confirm/')))
		.not.toBe(first);
	// Only the newest link works.
	await page.goto(first);
	await expect(
		page.getByRole('heading', { level: 1, name: 'This link does not work' })
	).toBeVisible();
	await checkA11y(page);
	await page.goto(link);
	await checkA11y(page);
	await page.getByRole('button', { name: 'Confirm this address' }).click();
	await expect(page.getByText(`Your email address ${account.email} is confirmed.`)).toBeVisible();
	await checkA11y(page);
});

test('deleting one’s account signs out and the old password no longer works', async ({ page }) => {
	const account = newAccount('Leaving');
	await signUp(page, account);
	const form = page.getByRole('form', { name: 'Delete your account' });
	await form.getByRole('button', { name: 'Delete your account' }).click();
	// The browser asks for the password and the tick before anything is sent.
	await expect(page).toHaveURL('/account');
	await form.getByLabel('Password', { exact: true }).fill(account.password);
	await form.getByLabel('I understand that this cannot be undone').check();
	await form.getByRole('button', { name: 'Delete your account' }).click();
	await expect(page).toHaveURL('/');
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await checkA11y(page);
	await page.goto('/login');
	await checkA11y(page);
	await page.getByLabel('Email', { exact: true }).fill(account.email);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
	await checkA11y(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('confirming an address and resetting a password are plain form posts', async ({ page }) => {
		const account = newAccount('Scriptless');
		// signUp confirms the address by its emailed link: a page, then a button.
		await signUp(page, account);
		await logOut(page);
		await page.goto('/password-reset');
		await checkA11y(page);
		await page.getByLabel('Email').fill(account.email);
		await page.getByRole('button', { name: 'Send the link' }).click();
		await expect(page.getByRole('status')).toContainText('a link is on its way');
		await checkA11y(page);
		await page.goto(await linkFromMail(account.email, '/password-reset/'));
		await checkA11y(page);
		const newPassword = `${account.password} without scripts`;
		await page.getByLabel('New password').fill(newPassword);
		await page.getByRole('button', { name: 'Save the new password' }).click();
		await expect(page).toHaveURL('/account?reset=1');
		await checkA11y(page);
		await logOut(page);
		await logIn(page, { ...account, password: newPassword });
	});
});
