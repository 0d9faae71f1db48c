import {
	admin,
	checkA11y,
	expect,
	expectPublicGroupPage,
	groupWithOfficers,
	logIn,
	logOut,
	newAccount,
	signUp,
	test
} from './fixtures';

test('an administrator sets up a group, its chair appoints a secretary, the public sees it', async ({
	page
}) => {
	test.slow(); // about twenty pages, each checked with axe
	const { chair, secretary, group } = await groupWithOfficers(page);
	await expectPublicGroupPage(page, group, { chair, secretary });

	// The chair reads who did what (issue 16): linked from the officers page, filtered by a GET form.
	await logIn(page, chair);
	await page.goto(`/g/${group.slug}/officers`);
	await page.getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
	await expect(page).toHaveURL(`/g/${group.slug}/audit`);
	const newest = page.getByRole('row').nth(1);
	await expect(newest).toContainText('officer.appoint');
	await expect(newest).toContainText(chair.name);
	await checkA11y(page);
	await page.getByLabel('Action').selectOption('group.create');
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page.getByRole('row')).toHaveCount(2);
	await expect(page.getByRole('row').nth(1)).toContainText('E2E Admin');
	await logOut(page);
	await logIn(page, admin);
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Audit trail of the whole site' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Audit trail of the whole site' })
	).toBeVisible();
	await page.getByLabel('Group', { exact: true }).fill(group.slug);
	await page.getByRole('button', { name: 'Show' }).click();
	await expect(page.getByRole('row').nth(1)).toContainText('officer.appoint');
	await checkA11y(page);
});

test('sign-up with bad input keeps what was typed and says what to change', async ({ page }) => {
	await page.goto('/signup');
	await checkA11y(page);
	const name = page.getByRole('textbox', { name: 'Your name' });
	const email = page.getByLabel('Email', { exact: true });
	const password = page.getByLabel('Password', { exact: true });
	await name.fill('Ada Lovelace');
	// Valid to the browser (no dot needed), not to the server.
	await email.fill('ada@example');
	await password.fill('short');
	await page.getByRole('button', { name: 'Create account' }).click();

	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Some of what you entered needs changing.');
	await expect(summary.getByRole('link')).toHaveText([
		'Enter an email address such as name@example.org.',
		'Use at least 10 characters, and not a common password.'
	]);
	await expect(name).toHaveValue('Ada Lovelace');
	await expect(name).not.toHaveAttribute('aria-invalid');
	await expect(email).toHaveValue('ada@example');
	await expect(email).toHaveAttribute('aria-invalid', 'true');
	await expect(email).toHaveAccessibleDescription(
		'Enter an email address such as name@example.org.'
	);
	await expect(password).toHaveAttribute('aria-invalid', 'true');
	await checkA11y(page);
});

test('a wrong password gets the generic message, and the session cookie is HttpOnly and Lax', async ({
	page,
	context
}) => {
	await page.goto('/login');
	await checkA11y(page);
	await page.getByLabel('Email', { exact: true }).fill(admin.email);
	await page.getByLabel('Password', { exact: true }).fill('not the passphrase');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'That email and password do not match an account.'
	);
	await expect(page.getByLabel('Email', { exact: true })).toHaveValue(admin.email);
	await checkA11y(page);

	const signIn = page.waitForResponse(
		(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'
	);
	await logIn(page, admin);
	const setCookie = (await (await signIn).headersArray())
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value)
		.find((value) => value.startsWith('session='));
	expect(setCookie).toBeDefined();
	const attributes = (setCookie ?? '').split(/;\s*/).map((a) => a.toLowerCase());
	expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
	// Plain http on 127.0.0.1: a Secure cookie would never be sent back.
	expect(attributes).not.toContain('secure');

	const [session] = (await context.cookies()).filter((c) => c.name === 'session');
	expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
});

test('site administration is refused to anyone but a site administrator', async ({ page }) => {
	await signUp(page, newAccount('Member'));
	await expect(page.getByRole('link', { name: 'Site administration' })).toHaveCount(0);
	const response = await page.goto('/admin');
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Something went wrong');
	await expect(page.getByText('You do not have the role this needs.')).toBeVisible();
	await checkA11y(page);
});

test('the account page needs sign-in, and returns there afterwards', async ({ page }) => {
	await page.goto('/account');
	await expect(page).toHaveURL('/login?redirectTo=%2Faccount');
	await logIn(page, admin, '/account');
	await expect(page.getByText(admin.email)).toBeVisible();
});

test('on the account page one changes name and password', async ({ page }) => {
	const account = newAccount('Renamed');
	await signUp(page, account);

	const name = page.getByRole('textbox', { name: 'Your name' });
	await expect(name).toHaveValue(account.name);
	await name.fill(`${account.name} (new)`);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await page.reload();
	await expect(name).toHaveValue(`${account.name} (new)`);
	await checkA11y(page);

	const newPassword = `${account.password} renewed`;
	const current = page.getByLabel('Current password');
	await current.fill('not my password at all');
	await page.getByLabel('New password').fill(newPassword);
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('alert')).toContainText('That is not your current password.');
	await expect(current).toHaveAttribute('aria-invalid', 'true');
	await checkA11y(page);

	await current.fill(account.password);
	await page.getByLabel('New password').fill(newPassword);
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Password changed. Other devices have been signed out.'
	);
	await checkA11y(page);
	// Still signed in here, with a fresh session.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();

	await logOut(page);
	await page.goto('/login');
	await page.getByLabel('Email', { exact: true }).fill(account.email);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('do not match an account');
	await logIn(page, { ...account, password: newPassword });
});
