import { checkA11y, expect, test } from './fixtures';

const languages = [
	{
		lang: 'en',
		dir: 'ltr',
		link: 'Help: how to take part',
		heading: 'How to take part',
		contents: 'On this page'
	},
	{
		lang: 'ar',
		dir: 'rtl',
		link: 'مساعدة: كيف تشارك',
		heading: 'كيف تشارك',
		contents: 'في هذه الصفحة'
	},
	{
		lang: 'fr',
		dir: 'ltr',
		link: 'Aide\u00a0: comment participer',
		heading: 'Comment participer',
		contents: 'Sur cette page'
	}
];

test.use({ javaScriptEnabled: false });

test('the help page is a footer link away, in each language, without JavaScript', async ({
	page
}) => {
	for (const { lang, dir, link, heading, contents } of languages) {
		await page
			.context()
			.addCookies([{ name: 'lang', value: lang, url: test.info().project.use.baseURL! }]);
		await page.goto('/');
		await checkA11y(page);
		await page.getByRole('contentinfo').getByRole('link', { name: link }).click();
		await expect(page).toHaveURL('/help');
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.locator('html')).toHaveAttribute('dir', dir);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		// One heading per part, each reached from the list at the top.
		await expect(page.getByRole('heading', { level: 2 })).toHaveCount(7);
		await expect(page.getByRole('navigation', { name: contents }).getByRole('link')).toHaveCount(6);
		await checkA11y(page);
	}
});
