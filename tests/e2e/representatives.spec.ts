import type { APIRequestContext, Page } from '@playwright/test';
import {
	admin,
	checkA11y,
	confirmByApi,
	expect,
	linkFromMail,
	logIn,
	newAccount,
	newGroup,
	test
} from './fixtures';

const phone = { width: 390, height: 844 };
test.use({ viewport: phone });

async function visit(page: Page, path: string) {
	await page.goto(path);
	await checkA11y(page);
}

/** On a phone the header's menu is folded: open it, then sign out. */
async function signOut(page: Page) {
	await page.getByText('Menu', { exact: true }).click();
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
	await checkA11y(page);
}

/** A JSON write as the app's API takes it (with the Origin check's header). */
async function post(request: APIRequestContext, path: string, data: object, status = 201) {
	const response = await request.post(path, {
		data,
		headers: { origin: new URL(path, test.info().project.use.baseURL).origin }
	});
	expect(response.status(), await response.text()).toBe(status);
	return response.json();
}

/**
 * Issue 14, section 2: an organisation's first representative invites a second by email; the
 * link, opened signed out, leads through signing in back to it, and accepting makes them a
 * representative. The public pages name the organisation, never its people.
 */
test('a representative invites another, who accepts by link, on a phone', async ({
	page,
	playwright,
	baseURL
}) => {
	const group = newGroup();
	const first = newAccount('First');
	const second = newAccount('Second');
	const organisation = `Valley Women’s Network ${group.slug.slice(-6)}`;

	// Set up through the API: a group (by the administrator), two accounts, an application.
	const setup = await playwright.request.newContext({ baseURL });
	await post(setup, '/api/v1/session', { email: admin.email, password: admin.password }, 200);
	const { timeZone: _zone, ...groupInput } = group;
	await post(setup, '/api/v1/groups', groupInput);
	await post(setup, '/api/v1/users', { ...second, displayName: second.name });
	await confirmByApi(setup, second.email);
	await setup.dispose();
	await post(page.request, '/api/v1/users', { ...first, displayName: first.name });
	await confirmByApi(page.request, first.email);
	const app = await post(page.request, `/api/v1/groups/${group.slug}/applications`, {
		organisation: {
			name: organisation,
			category: 'Legal advice',
			area: 'Valley',
			description: 'Peer support.'
		},
		contact: { name: first.name, email: first.email },
		statement: 'Our members are held in the custody suites.'
	});

	// The first representative invites the second from the organisation's page.
	await visit(page, `/g/${group.slug}/applications/${app.id}`);
	await page.getByRole('link', { name: 'Representatives' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Representatives of ${organisation}`
	);
	await checkA11y(page);
	await page.getByLabel('Email').fill(second.email);
	await page.getByRole('button', { name: 'Invite', exact: true }).click();
	const link = await page.locator('code.link').textContent();
	expect(link).toMatch(/\/invitations\/[a-z2-7]{32}$/);
	// The same link went to the invited address by email.
	expect(link).toContain(await linkFromMail(second.email, '/invitations/'));
	await expect(page.getByText(second.email).last()).toBeVisible();
	await checkA11y(page);
	await signOut(page);

	// The public register names the organisation, never its people.
	for (const path of [`/g/${group.slug}/applications`, `/g/${group.slug}/applications/${app.id}`]) {
		await visit(page, path);
		await expect(page.getByText(organisation).first()).toBeVisible();
		const text = await page.locator('body').innerText();
		for (const person of [first, second]) {
			expect(text).not.toContain(person.name);
			expect(text).not.toContain(person.email);
		}
	}

	// The invitee opens the link signed out, signs in, comes back to it and accepts.
	await visit(page, new URL(link!).pathname);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Act for ${organisation}`);
	await page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true }).click();
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Finvitations%2F/);
	await logIn(page, second, new URL(link!).pathname);
	await page.getByRole('button', { name: 'Accept' }).click();
	await expect(page.getByRole('status')).toHaveText(`You now act for ${organisation}.`);
	await checkA11y(page);

	// Used once: the link now says so, and the account lists the organisation.
	await visit(page, new URL(link!).pathname);
	await expect(page.getByRole('alert')).toContainText('already been used');
	await visit(page, '/account');
	await expect(page.getByRole('link', { name: organisation })).toBeVisible();
});
