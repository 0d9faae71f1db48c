import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { databaseHandle } from '../db';
import { isDomainError } from '../errors';
import { translateError, translatorFor } from '../i18n';
import { log } from '../log';
import { runAdminCommand, type AdminCommand, type AdminResult } from './commands';

export function adminSocketPath(dataDir: string) {
	return path.join(dataDir, 'openfloor.sock');
}

/** Turns a failure into the one line an operator reads. */
export function describeFailure(error: unknown): string {
	if (isDomainError(error)) {
		const failure = translateError(translatorFor('en'), error);
		const fields = Object.entries(failure.fields ?? {});
		return fields.length
			? fields.map(([name, message]) => `${name}: ${message}`).join('\n')
			: failure.message;
	}
	if (error instanceof Error) return error.message;
	// PGlite and postgres.js can reject with plain objects that carry a message.
	if (error && typeof error === 'object' && 'message' in error) return String(error.message);
	return JSON.stringify(error);
}

/**
 * While the app holds the embedded database, operator commands reach it through a Unix socket
 * in the data folder, readable only by the account that runs the app (mode 0600).
 */
export async function startAdminSocket(dataDir: string) {
	const file = adminSocketPath(dataDir);
	fs.rmSync(file, { force: true }); // we hold the folder's lock, so any socket file is stale
	const server = net.createServer((connection) => {
		let buffer = '';
		connection.setEncoding('utf8');
		connection.on('data', (chunk: string) => {
			buffer += chunk;
			if (buffer.length > 64 * 1024) return connection.destroy();
			const end = buffer.indexOf('\n');
			if (end < 0) return;
			void answer(buffer.slice(0, end)).then((result) =>
				connection.end(JSON.stringify(result) + '\n')
			);
		});
		connection.on('error', () => {});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(file, () => resolve());
	});
	fs.chmodSync(file, 0o600);
	return {
		close() {
			server.close();
			fs.rmSync(file, { force: true });
		}
	};
}

async function answer(line: string): Promise<AdminResult> {
	try {
		const request = JSON.parse(line) as AdminCommand;
		return await runAdminCommand(await databaseHandle(), request);
	} catch (error) {
		if (!isDomainError(error)) log.error(`admin command failed: ${describeFailure(error)}`);
		return { ok: false, message: describeFailure(error) };
	}
}

/** Sends a command to the running app's admin socket. */
export function sendAdminCommand(dataDir: string, request: AdminCommand): Promise<AdminResult> {
	return new Promise((resolve, reject) => {
		const connection = net.connect(adminSocketPath(dataDir));
		let reply = '';
		connection.setEncoding('utf8');
		connection.on('connect', () => connection.write(JSON.stringify(request) + '\n'));
		connection.on('data', (chunk: string) => (reply += chunk));
		connection.on('end', () => {
			try {
				resolve(JSON.parse(reply) as AdminResult);
			} catch {
				reject(new Error('The running app gave no answer.'));
			}
		});
		connection.on('error', (error) =>
			reject(
				new Error(
					`Cannot reach the running app through ${adminSocketPath(dataDir)}: ${error.message}`
				)
			)
		);
	});
}
