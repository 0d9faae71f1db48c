import { randomInt } from 'node:crypto';
import type { APIRequestContext, Page } from '@playwright/test';
import {
	admin,
	confirmByApi,
	checkA11y,
	expect,
	logIn,
	logOut,
	newAccount,
	newGroup,
	test,
	type Account
} from './fixtures';

const refusal = 'The group has reached the number of organisations the Service can support.';
const overturn = 'Legal advice is missing from the group, so one more place is made.';

async function visit(page: Page, path: string) {
	await page.goto(path);
	await checkA11y(page);
}

function application(name: string) {
	return {
		organisation: { name, category: 'Legal advice', area: 'Riverside', description: 'Advice.' },
		contact: { name: 'Contact', email: 'contact@example.org' },
		statement: 'Our clients are held in the custody suites.'
	};
}

// Six people and a dozen pages checked with axe; the members are set up through the API.
test.describe.configure({ timeout: 120_000 });

test('an appeal decided by a panel of member representatives drawn by lot', async ({
	page,
	playwright,
	baseURL
}) => {
	const group = newGroup();
	const groupApi = `/api/v1/groups/${group.slug}`;
	// Each person's API client: signed up (and so signed in) at once, from an address of its own.
	const clients: APIRequestContext[] = [];
	async function signedUp(account: Account) {
		const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
		const client = await playwright.request.newContext({
			baseURL,
			extraHTTPHeaders: { 'x-forwarded-for': address }
		});
		clients.push(client);
		const response = await client.post('/api/v1/users', {
			data: { email: account.email, password: account.password, displayName: account.name }
		});
		expect(response.status(), await response.text()).toBe(201);
		await confirmByApi(client, account.email);
		return client;
	}
	async function created(response: Awaited<ReturnType<APIRequestContext['post']>>) {
		expect(response.status(), await response.text()).toBe(201);
		return (await response.json()) as { id: string };
	}

	// The administrator creates the group and appoints its chair.
	const chair = newAccount('Chair');
	const chairApi = await signedUp(chair);
	const adminApi = await playwright.request.newContext({ baseURL });
	clients.push(adminApi);
	expect((await adminApi.post('/api/v1/session', { data: admin })).status()).toBe(200);
	await created(await adminApi.post('/api/v1/groups', { data: group }));
	await created(
		await adminApi.post(`${groupApi}/roles`, { data: { email: chair.email, role: 'chair' } })
	);

	// Three member organisations, each with its representative: exactly the panel's size.
	const members = new Map<string, Account>();
	for (const label of ['Tenants', 'Youth', 'Advice']) {
		const representative = newAccount(`${label} rep`);
		const organisation = `${label} Network ${group.slug.slice(-6)}`;
		const api = await signedUp(representative);
		const { id } = await created(
			await api.post(`${groupApi}/applications`, { data: application(organisation) })
		);
		const accepted = await chairApi.post(`${groupApi}/applications/${id}/decision`, {
			data: { outcome: 'accepted' }
		});
		expect(accepted.status(), await accepted.text()).toBe(200);
		members.set(organisation, representative);
	}
	const applicant = newAccount('Applicant');
	const applicantApi = await signedUp(applicant);
	const organisation = `Harbour Law Centre ${group.slug.slice(-6)}`;
	const { id } = await created(
		await applicantApi.post(`${groupApi}/applications`, { data: application(organisation) })
	);
	const applicationPath = `/g/${group.slug}/applications/${id}`;

	// The chair chooses, on the officers page, a panel drawn by lot; everyone sees the choice.
	await logIn(page, chair);
	await visit(page, `/g/${group.slug}/officers`);
	const settingForm = page.getByRole('form', { name: 'Who decides appeals' });
	await expect(settingForm.getByLabel('Who decides appeals')).toHaveValue('vice_chair');
	await settingForm
		.getByLabel('Who decides appeals')
		.selectOption({ label: 'A panel of three members drawn by lot' });
	await settingForm.getByRole('button', { name: 'Save who decides appeals' }).click();
	await expect(page.getByRole('status')).toHaveText('Recorded and published.');
	await expect(settingForm.getByLabel('Who decides appeals')).toHaveValue('panel');
	await checkA11y(page);
	await logOut(page);
	await visit(page, `/g/${group.slug}/officers`);
	await expect(page.getByText('A panel of three members drawn by lot')).toBeVisible();
	await expect(page.getByRole('form', { name: 'Who decides appeals' })).toHaveCount(0);

	// The chair refuses; the applicant appeals, and the panel is drawn at once.
	const refused = await chairApi.post(`${groupApi}/applications/${id}/decision`, {
		data: { outcome: 'refused', reason: refusal }
	});
	expect(refused.status(), await refused.text()).toBe(200);
	const appealed = await applicantApi.post(`${groupApi}/applications/${id}/appeal`, {
		data: { statement: 'No legal advice organisation sits on the group.' }
	});
	expect(appealed.status(), await appealed.text()).toBe(200);
	const read = await adminApi.get(`${groupApi}/applications/${id}`);
	const drawn = (await read.json()) as {
		appeal: { decidedBy: string };
		panel: { organisation: string }[];
	};
	expect(drawn.appeal.decidedBy).toBe('panel');
	expect(drawn.panel.map((p) => p.organisation).sort()).toEqual([...members.keys()].sort());

	// Two panellists vote to overturn, on the application's page.
	for (const panellist of drawn.panel.slice(0, 2)) {
		await logIn(page, members.get(panellist.organisation)!);
		await visit(page, applicationPath);
		await page.getByRole('radio', { name: 'Overturn the refusal and accept' }).check();
		await page.getByLabel(/Public reason/).fill(overturn);
		await page.getByRole('button', { name: 'Record my vote' }).click();
		await expect(page.getByRole('status')).toHaveText('Your vote has been recorded.');
		await expect(page.getByRole('button', { name: 'Record my vote' })).toHaveCount(0);
		await checkA11y(page);
		await logOut(page);
	}

	// The public reads the outcome, who decided and the panel's votes; the log holds together.
	await visit(page, applicationPath);
	await expect(page.getByText('Appeal decided: refusal overturned').first()).toBeVisible();
	await expect(page.getByText('Decided by the panel drawn by lot.')).toBeVisible();
	const panel = page.getByRole('region', { name: 'Appeal panel' });
	await expect(panel.getByText('votes to overturn the refusal')).toHaveCount(2);
	await expect(panel.getByText('has not voted yet')).toHaveCount(1);
	// The draw's seed is on the page, and the link leads to the log entry that records it.
	const seed = (await panel.locator('code.seed').textContent())!;
	expect(seed).toMatch(/^[0-9a-f]{64}$/);
	await panel.getByRole('link', { name: /^No\. \d+$/ }).click();
	await page.waitForURL(/\/decisions#decision-\d+$/);
	const entry = page.locator(`li${new URL(page.url()).hash}`);
	await expect(entry).toContainText('Appeal panel drawn');
	await expect(entry.locator('code.seed')).toHaveText(seed);
	await checkA11y(page);
	await visit(page, `/g/${group.slug}/decisions`);
	await expect(page.getByRole('status')).toHaveText(
		/^Verified: all \d+ entries hold together, from the first to the last\.$/
	);
	for (const client of clients) await client.dispose();
});
