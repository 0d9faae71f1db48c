import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { agendaDocumentFiles, agendaDocuments } from '../db/schema';
import { isUuid } from '../validation';
import { log } from '../log';

/** Where earlier versions kept uploaded PDFs: DATA_DIR/uploads/<document id>.pdf. */
export function oldUploadsFolder(dataDir: string) {
	return path.join(dataDir, 'uploads');
}

/**
 * Moves PDFs that earlier versions wrote to disk into the database, at start-up: a file whose
 * document exists and has no bytes yet is imported, then deleted. A file with no document is left
 * where it is and named in one warning. Safe to run again, and on two instances at once (the
 * insert does nothing when the bytes are already there).
 */
export async function importOldUploads(db: Database, dataDir: string) {
	const folder = oldUploadsFolder(dataDir);
	let names: string[];
	try {
		names = await fs.promises.readdir(folder);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { imported: 0, stray: [] };
		throw error;
	}
	let imported = 0;
	const stray: string[] = [];
	// One file at a time: each is up to 10 MB in memory.
	for (const name of names.sort()) {
		const id = name.endsWith('.pdf') ? name.slice(0, -'.pdf'.length) : '';
		const file = path.join(folder, name);
		const outcome = isUuid(id) ? await importFile(db, id, file) : 'stray';
		if (outcome === 'stray') stray.push(name);
		if (outcome !== 'imported') continue;
		await fs.promises.rm(file, { force: true });
		imported++;
	}
	if (imported) log.info(`imported ${imported} uploaded PDF(s) from ${folder} into the database`);
	if (stray.length) {
		log.warn(`files in ${folder} belong to no document and were left there`, { files: stray });
	}
	return { imported, stray };
}

/**
 * `imported` when the file's document exists (its bytes now in the database, put there by this
 * call or another), `stray` when it does not, `gone` when another instance took the file first.
 */
async function importFile(db: Database, id: string, file: string) {
	const [document] = await db
		.select({ id: agendaDocuments.id })
		.from(agendaDocuments)
		.where(and(eq(agendaDocuments.id, id), eq(agendaDocuments.kind, 'pdf')));
	if (!document) return 'stray';
	let bytes: Buffer;
	try {
		bytes = await fs.promises.readFile(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
		throw error;
	}
	// Inserted only while the document still exists, and never over bytes already there.
	await db
		.insert(agendaDocumentFiles)
		.select((qb) =>
			qb
				.select({ documentId: agendaDocuments.id, bytes: sql`${bytes}::bytea`.as('bytes') })
				.from(agendaDocuments)
				.where(eq(agendaDocuments.id, id))
		)
		.onConflictDoNothing();
	return 'imported';
}
