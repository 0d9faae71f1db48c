import { config } from '../config';
import { openPglite, openPostgres } from '../db';
import { lockHolder } from '../db/lock';
import { describeFailure, sendAdminCommand } from './admin-socket';
import { runAdminCommand, type AdminCommand, type AdminResult } from './commands';

/**
 * Runs an operator command wherever the database is: PostgreSQL directly; the embedded database
 * directly when no app holds it, else through the running app's admin socket (opening the folder
 * a second time would corrupt it).
 */
export async function runCommand(request: AdminCommand): Promise<AdminResult> {
	const settings = config();
	if (!settings.databaseUrl && lockHolder(settings.dataDir) !== undefined) {
		return sendAdminCommand(settings.dataDir, request);
	}
	const handle = settings.databaseUrl
		? await openPostgres(settings.databaseUrl, { max: 1 })
		: await openPglite(settings.dataDir);
	try {
		return await runAdminCommand(handle, request);
	} catch (error) {
		return { ok: false, message: describeFailure(error) };
	} finally {
		await handle.close();
	}
}

/** `--name value` and `--name=value` arguments. */
export function parseArgs(argv: string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) continue;
		const eq = arg.indexOf('=');
		if (eq > 0) out[arg.slice(2, eq)] = arg.slice(eq + 1);
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--'))
			out[arg.slice(2)] = argv[++i];
		else out[arg.slice(2)] = '';
	}
	return out;
}

/** Prints the result on one line and sets the exit code; a bad setting is one line too. */
export async function main(run: () => Promise<AdminResult>) {
	try {
		const result = await run();
		(result.ok ? console.log : console.error)(result.message);
		process.exitCode = result.ok ? 0 : 1;
	} catch (error) {
		console.error(describeFailure(error));
		process.exitCode = 1;
	}
}
