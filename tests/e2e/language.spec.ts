import { checkA11y, expect, switchLanguage, test } from './fixtures';

const english = { label: 'Language', button: 'Change language' };
const arabic = { label: 'اللغة', button: 'تغيير اللغة' };

test('the language switcher turns the site to Arabic, right to left, back, then to French', async ({
	page
}) => {
	await page.goto('/signup');
	await checkA11y(page);

	await switchLanguage(page, english, 'العربية');
	// Back on the same page, now in Arabic.
	await expect(page).toHaveURL('/signup');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const nav = page.getByRole('navigation', { name: 'الرئيسية' });
	await expect(nav.getByRole('link', { name: 'المجموعات' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'تسجيل الدخول' })).toBeVisible();
	await checkA11y(page);

	// The choice is remembered on the next page.
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	await checkA11y(page);

	await switchLanguage(page, arabic, 'English');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' })
	).toBeVisible();
	await checkA11y(page);

	// And to French, left to right, with its own words for the same links.
	await switchLanguage(page, english, 'Français');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	const principal = page.getByRole('navigation', { name: 'Principal' });
	await expect(principal.getByRole('link', { name: 'Groupes' })).toBeVisible();
	await expect(principal.getByRole('link', { name: 'Se connecter' })).toBeVisible();
	await expect(page.getByLabel('Langue', { exact: true })).toHaveValue('fr');
	await checkA11y(page);
});
