import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroupWithOfficers } from '../fixtures/factories';
import { agendaDocumentFiles } from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import { createMeeting } from '$lib/server/meetings/meetings';
import { addAgendaItem } from '$lib/server/meetings/agenda';
import { attachDocument } from '$lib/server/meetings/documents';
import { importOldUploads, oldUploadsFolder } from '$lib/server/meetings/import-uploads';

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}`);

/** A PDF document as an earlier version left it: its row in the database, its bytes on disk. */
async function oldDocument(db: Database, dataDir: string, text: string) {
	const { secretary, group } = await makeGroupWithOfficers(db);
	await createMeeting(
		db,
		actorOf(secretary),
		group.slug,
		{
			title: 'Papers',
			startsAt: '2026-04-02T18:30',
			endsAt: '2026-04-02T20:30'
		},
		{ now: new Date('2026-03-02T12:00:00Z') }
	);
	const item = await addAgendaItem(db, actorOf(secretary), group.slug, 1, {
		title: 'Report',
		plannedMinutes: 10
	});
	const document = await attachDocument(
		db,
		actorOf(secretary),
		group.slug,
		1,
		item.id,
		{ title: 'Report' },
		{ name: 'report.pdf', bytes: pdf('placeholder') }
	);
	await db.delete(agendaDocumentFiles).where(eq(agendaDocumentFiles.documentId, document.id));
	fs.mkdirSync(oldUploadsFolder(dataDir), { recursive: true });
	fs.writeFileSync(path.join(oldUploadsFolder(dataDir), `${document.id}.pdf`), pdf(text));
	return document;
}

async function storedText(db: Database, documentId: string) {
	const rows = await db
		.select()
		.from(agendaDocumentFiles)
		.where(eq(agendaDocumentFiles.documentId, documentId));
	return rows.map((r) => Buffer.from(r.bytes).toString());
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-import-'));

describeOnEachDatabase('importing PDFs earlier versions kept on disk', (handle) => {
	it('imports a file whose document has no bytes, deletes it, and leaves strays alone', async () => {
		const db = handle().db;
		const dataDir = tempDir();
		const document = await oldDocument(db, dataDir, 'old paper');
		const folder = oldUploadsFolder(dataDir);
		const stray = path.join(folder, '0b6f3c1e-2a4d-4e8f-9c1b-5d7e9f0a1b2c.pdf');
		fs.writeFileSync(stray, pdf('no document'));
		fs.writeFileSync(path.join(folder, 'notes.txt'), 'not ours');
		const warn = vi.spyOn(console, 'error').mockImplementation(() => {});
		try {
			const result = await importOldUploads(db, dataDir);
			expect(result).toEqual({
				imported: 1,
				stray: ['0b6f3c1e-2a4d-4e8f-9c1b-5d7e9f0a1b2c.pdf', 'notes.txt']
			});
			expect(await storedText(db, document.id)).toEqual(['%PDF-1.7\nold paper']);
			expect(fs.readdirSync(folder).sort()).toEqual([path.basename(stray), 'notes.txt']);
			// One warning naming the strays.
			const warnings = warn.mock.calls.map((c) => String(c[0])).filter((l) => / warn /.test(l));
			expect(warnings).toHaveLength(1);
			expect(warn.mock.calls.flat().join(' ')).toContain(path.basename(stray));
			// Again: nothing more to import, and the strays are still there.
			expect((await importOldUploads(db, dataDir)).imported).toBe(0);
			expect(fs.existsSync(stray)).toBe(true);
		} finally {
			warn.mockRestore();
		}
	});

	it('never overwrites bytes already in the database, and runs twice at once safely', async () => {
		const db = handle().db;
		const dataDir = tempDir();
		const document = await oldDocument(db, dataDir, 'on disk');
		await db.insert(agendaDocumentFiles).values({ documentId: document.id, bytes: pdf('in db') });
		expect((await importOldUploads(db, dataDir)).imported).toBe(1);
		expect(await storedText(db, document.id)).toEqual(['%PDF-1.7\nin db']);
		expect(fs.readdirSync(oldUploadsFolder(dataDir))).toEqual([]);

		// Two instances starting together over the same files.
		const other = await oldDocument(db, dataDir, 'raced');
		const results = await Promise.all([
			importOldUploads(db, dataDir),
			importOldUploads(db, dataDir)
		]);
		expect(results.every((r) => r.stray.length === 0)).toBe(true);
		expect(await storedText(db, other.id)).toEqual(['%PDF-1.7\nraced']);
		expect(fs.readdirSync(oldUploadsFolder(dataDir))).toEqual([]);
	});

	it('does nothing when there is no uploads folder', async () => {
		expect(await importOldUploads(handle().db, tempDir())).toEqual({ imported: 0, stray: [] });
	});
});
