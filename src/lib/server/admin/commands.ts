import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseHandle } from '../db';
import { createSiteAdmin } from '../auth/accounts';
import { operatorLink, type LinkPurpose } from '../auth/account-links';
import { recordAudit } from '../audit';
import { loadDemo } from '../demo/load-demo';
import { adoptInstanceKey } from '../instance-key';

/**
 * Operator commands (`npm run admin:create`, `admin:reset-link`, `npm run db:backup`,
 * `npm run secret:adopt`). They run either in the command's
 * own process, or, when the app is running on the embedded database (and so holds its lock),
 * inside the app through its admin socket.
 */
export type AdminCommand =
	| { command: 'admin:create'; input: { email: string; password: string; displayName: string } }
	| { command: 'db:backup'; file: string }
	| { command: 'demo:load' }
	| { command: 'secret:adopt' }
	| { command: 'account:link'; email: string; purpose: LinkPurpose };

export type AdminResult = { ok: true; message: string } | { ok: false; message: string };

export async function runAdminCommand(
	handle: DatabaseHandle,
	request: AdminCommand
): Promise<AdminResult> {
	switch (request.command) {
		case 'admin:create': {
			const user = await createSiteAdmin(handle.db, request.input);
			await recordAudit(handle.db, { actorId: user.id, action: 'admin.create', subject: user.id });
			return { ok: true, message: `Site administrator ready: ${user.email}` };
		}
		case 'account:link': {
			const link = await operatorLink(handle.db, request.email, request.purpose);
			if (!link) return { ok: false, message: `No account uses ${request.email}.` };
			await recordAudit(handle.db, {
				actorId: null,
				action: 'account.link_issued',
				subject: link.userId,
				details: { purpose: request.purpose }
			});
			return { ok: true, message: link.url };
		}
		case 'demo:load':
			return { ok: true, message: await loadDemo(handle.db) };
		case 'secret:adopt': {
			const adopted = await adoptInstanceKey(handle.db);
			if (!adopted.changed) return { ok: true, message: 'This secret is already the instance’s.' };
			await recordAudit(handle.db, {
				actorId: null,
				action: 'instance.secret_adopted',
				details: { replacedKey: adopted.replaced }
			});
			return {
				ok: true,
				message: adopted.replaced
					? `This secret is now the instance’s; the key ${adopted.replaced} is listed as retired.`
					: 'This secret is now the instance’s.'
			};
		}
		case 'db:backup': {
			if (!handle.pglite) {
				return {
					ok: false,
					message: 'db:backup is for the embedded database; use pg_dump for PostgreSQL.'
				};
			}
			const bytes = await backupPglite(handle);
			return {
				ok: true,
				message: `Backup written: ${writeAtomically(request.file, bytes)} (${bytes.length} bytes)`
			};
		}
	}
}

/**
 * A consistent snapshot: a checkpoint, then a tar of the data folder taken while PGlite runs no
 * query. Restoring it replays the write-ahead log, so every committed transaction is in it.
 */
export async function backupPglite(handle: DatabaseHandle): Promise<Buffer> {
	const client = handle.pglite!;
	await client.query('checkpoint');
	const blob = await client.dumpDataDir('gzip');
	return Buffer.from(await blob.arrayBuffer());
}

function writeAtomically(file: string, bytes: Buffer) {
	const target = path.resolve(file);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	const partial = `${target}.partial`;
	fs.writeFileSync(partial, bytes);
	fs.renameSync(partial, target);
	return target;
}
