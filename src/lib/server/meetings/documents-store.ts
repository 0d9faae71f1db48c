import fs from 'node:fs';
import path from 'node:path';
import { config } from '../config';
import { log } from '../log';

/** Uploaded PDFs live under DATA_DIR/uploads, each named by its document's id (never the user's name). */
export function uploadsFolder(dir?: string) {
	return dir ?? path.join(config().dataDir, 'uploads');
}

export function uploadPath(documentId: string, dir?: string) {
	return path.join(uploadsFolder(dir), `${documentId}.pdf`);
}

export async function writeUpload(documentId: string, bytes: Uint8Array, dir?: string) {
	await fs.promises.mkdir(uploadsFolder(dir), { recursive: true });
	await fs.promises.writeFile(uploadPath(documentId, dir), bytes, { flag: 'wx' });
}

/** Removes files whose rows are gone; a file that cannot be removed is logged, not thrown. */
export async function deleteUploads(documentIds: string[], dir?: string) {
	await Promise.all(
		documentIds.map((id) =>
			fs.promises.rm(uploadPath(id, dir), { force: true }).catch((error: unknown) => {
				log.warn(`could not remove upload ${id}`, { error: String(error) });
			})
		)
	);
}
