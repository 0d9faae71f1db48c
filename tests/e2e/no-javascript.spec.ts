import {
	admin,
	checkA11y,
	expect,
	expectPublicGroupPage,
	groupWithOfficers,
	logIn,
	switchLanguage,
	test
} from './fixtures';

// Every form is a plain HTML post: the whole foundation works with JavaScript turned off.
test.use({ javaScriptEnabled: false });

test('without JavaScript: sign-up, sign-in, a group with officers, the language switch', async ({
	page
}) => {
	test.slow(); // about twenty pages, each checked with axe
	const { chair, secretary, group } = await groupWithOfficers(page);
	await expectPublicGroupPage(page, group, { chair, secretary });

	await switchLanguage(page, { label: 'Language', button: 'Change language' }, 'العربية');
	await expect(page).toHaveURL(`/g/${group.slug}`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('link', { name: 'المجموعات' })).toBeVisible();
	await checkA11y(page);
	await switchLanguage(page, { label: 'اللغة', button: 'تغيير اللغة' }, 'English');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('without JavaScript: bad input comes back with messages and what was typed', async ({
	page
}) => {
	await page.goto('/login');
	await page.getByLabel('Email', { exact: true }).fill(admin.email);
	await page.getByLabel('Password', { exact: true }).fill('not the passphrase');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('do not match an account');
	await expect(page.getByLabel('Email', { exact: true })).toHaveValue(admin.email);
	await checkA11y(page);
	await logIn(page, admin);
});
