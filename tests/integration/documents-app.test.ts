import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Client, scratchDatabase, startApp, type RunningApp } from '../fixtures/app';
import { databaseKinds, type DatabaseKind } from '../fixtures/databases';
import { openPglite, openPostgres } from '$lib/server/db';
import { agendaDocumentFiles } from '$lib/server/db/schema';

const password = 'documents app passphrase';

const pdfBytes = (text: string) => {
	const bytes = new Uint8Array(4000).fill(0x20);
	bytes.set(new TextEncoder().encode(`%PDF-1.4\n${text}\n`));
	return bytes;
};

/** A scheduled (public) meeting with one agenda item holding an uploaded PDF, made through `app`. */
async function publishPaper(app: RunningApp, label: string) {
	const email = `admin@${label}.test`;
	expect(app.cli('admin-create', ['--email', email, '--password', password]).status).toBe(0);
	const admin = new Client(app.url);
	expect((await admin.post('/api/v1/session', { email, password })).status).toBe(200);
	const slug = `${label}-${Date.now().toString(36)}`;
	const base = `/api/v1/groups/${slug}/meetings`;
	expect(
		(
			await admin.post('/api/v1/groups', {
				slug,
				name: `Group ${label}`,
				institution: 'Testshire Police',
				purpose: 'Testing.',
				membershipOpen: true
			})
		).status
	).toBe(201);
	await admin.post(`/api/v1/groups/${slug}/roles`, { email, role: 'chair' });
	const start = new Date(Date.now() + 86_400_000);
	const meeting = await admin.post(base, {
		title: `Meeting ${label}`,
		startsAt: start.toISOString(),
		endsAt: new Date(start.getTime() + 3_600_000).toISOString()
	});
	expect(meeting.status).toBe(201);
	const n = meeting.json.number as number;
	const item = await admin.post(`${base}/${n}/agenda`, { title: 'Report', plannedMinutes: 10 });
	expect(item.status).toBe(201);
	const bytes = pdfBytes(label);
	const form = new FormData();
	form.set('title', 'Annual report');
	form.set('file', new Blob([bytes as BlobPart]), 'report.pdf');
	const uploaded = await fetch(`${app.url}${base}/${n}/agenda/${item.json.id}/documents`, {
		method: 'POST',
		body: form,
		headers: {
			origin: app.url,
			cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
		}
	});
	expect(uploaded.status).toBe(201);
	const document = await uploaded.json();
	return {
		admin,
		document: document as { id: string; url: string },
		bytes,
		itemUrl: `${base}/${n}/agenda/${item.json.id}`,
		publish: async () =>
			expect((await admin.request('PATCH', `${base}/${n}`, { state: 'scheduled' })).status).toBe(
				200
			)
	};
}

/** The paper as the public downloads it from `app`: its status and, when found, its bytes. */
async function download(app: RunningApp, url: string) {
	const response = await fetch(app.url + url);
	const body = Buffer.from(await response.arrayBuffer());
	return { status: response.status, headers: response.headers, body };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-docs-'));

/** The app on `kind`, with a database that outlives a stop (unlike startAppOn's scratch one). */
async function keptDatabase(kind: DatabaseKind) {
	if (kind === 'pglite') {
		const dataDir = tempDir();
		return {
			env: {},
			dataDir,
			open: () => openPglite(dataDir),
			drop: async () => {}
		};
	}
	const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'openfloor_app');
	return {
		env: { DATABASE_URL: scratch.url },
		dataDir: tempDir(),
		open: () => openPostgres(scratch.url, { max: 1 }),
		drop: () => scratch.drop()
	};
}

describe.runIf(process.env.DATABASE_URL)('a paper on two instances of one PostgreSQL', () => {
	it('is uploaded through one instance and downloaded from the other', async () => {
		const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'openfloor_app');
		const apps: RunningApp[] = [];
		try {
			const env = { DATABASE_URL: scratch.url };
			apps.push(await startApp({ env }), await startApp({ env }));
			const [first, second] = apps;
			const paper = await publishPaper(first, 'two-docs');
			// A draft's papers are not public on either instance.
			expect((await download(second, paper.document.url)).status).toBe(404);
			await paper.publish();
			const fromSecond = await download(second, paper.document.url);
			expect(fromSecond.status).toBe(200);
			expect(fromSecond.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
			expect(fromSecond.body.equals(Buffer.from(paper.bytes))).toBe(true);
			// Removing the item on the second removes the paper for the first too.
			expect((await paper.admin.delete(paper.itemUrl)).status).toBe(204);
			expect((await download(first, paper.document.url)).status).toBe(404);
		} finally {
			for (const app of apps) await app.stop();
			await scratch.drop();
		}
	});
});

for (const kind of databaseKinds) {
	describe(`papers kept on disk by earlier versions [${kind}]`, () => {
		it('are imported into the database at start-up; files with no document stay', async () => {
			const database = await keptDatabase(kind);
			try {
				let app = await startApp({ env: database.env, dataDir: database.dataDir });
				const paper = await publishPaper(app, `import-${kind}`);
				await paper.publish();
				await app.stop();
				// As an earlier version left it: the row, and the bytes in DATA_DIR/uploads.
				const handle = await database.open();
				await handle.db
					.delete(agendaDocumentFiles)
					.where(eq(agendaDocumentFiles.documentId, paper.document.id));
				await handle.close();
				const uploads = path.join(database.dataDir, 'uploads');
				fs.mkdirSync(uploads);
				const old = path.join(uploads, `${paper.document.id}.pdf`);
				const stray = path.join(uploads, '7c0e2b4a-9d1f-4a3e-8b6c-2f5d8e1a0b9c.pdf');
				fs.writeFileSync(old, paper.bytes);
				fs.writeFileSync(stray, pdfBytes('stray'));

				app = await startApp({ env: database.env, dataDir: database.dataDir, port: app.port });
				try {
					const downloaded = await download(app, paper.document.url);
					expect(downloaded.status).toBe(200);
					expect(downloaded.body.equals(Buffer.from(paper.bytes))).toBe(true);
					expect(fs.existsSync(old)).toBe(false);
					expect(fs.existsSync(stray)).toBe(true);
					const warnings = app.output().match(/ warn files in .* belong to no document/g);
					expect(warnings).toHaveLength(1);
					expect(app.output()).toContain(path.basename(stray));
				} finally {
					await app.stop();
				}
			} finally {
				await database.drop();
			}
		});
	});
}

// db:backup is for the embedded database (pg_dump copies PostgreSQL, bytea and all).
describe('a backup of the embedded database', () => {
	it('holds the uploaded papers', async () => {
		const app = await startApp();
		const paper = await publishPaper(app, 'backup-docs');
		await paper.publish();
		const file = path.join(tempDir(), 'backup.tar.gz');
		const backup = app.cli('db-backup', ['--file', file]);
		expect(backup.status).toBe(0);
		expect((await paper.admin.delete(paper.itemUrl)).status).toBe(204);
		expect((await download(app, paper.document.url)).status).toBe(404);
		await app.stop();

		// Restored on its own: nothing left on disk to fall back on.
		fs.rmSync(path.join(app.dataDir, 'uploads'), { recursive: true, force: true });
		expect(app.cli('db-restore', ['--file', file]).status).toBe(0);
		const again = await startApp({ dataDir: app.dataDir, port: app.port });
		try {
			const downloaded = await download(again, paper.document.url);
			expect(downloaded.status).toBe(200);
			expect(downloaded.body.equals(Buffer.from(paper.bytes))).toBe(true);
		} finally {
			await again.stop();
		}
		// Two starts of the app and two operator commands (each a cold tsx start, 10–15 s on a
		// busy 2-core machine): more than the default 30 s when other tests run beside it.
	}, 90_000);
});
