import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const fixture = path.resolve(import.meta.dirname, '../fixtures/faulty-server.js');

/** One request on a connection of its own: status and body, or how the connection ended. */
function get(base: string, pathname: string) {
	return new Promise<{ status?: number; body: string; closed?: string }>((resolve) => {
		const request = http.get(base + pathname, { agent: false }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode, body }));
			res.on('error', (error) => resolve({ status: res.statusCode, body, closed: error.message }));
		});
		request.on('error', (error) => resolve({ body: '', closed: error.message }));
	});
}

describe('an error escaping a request (server/request-guard.js)', () => {
	let child: ChildProcess;
	let base = '';
	let output = '';

	beforeAll(async () => {
		child = spawn(process.execPath, [fixture], { stdio: 'pipe' });
		child.stdout!.on('data', (d) => (output += d));
		child.stderr!.on('data', (d) => (output += d));
		const port = await new Promise<string>((resolve, reject) => {
			child.stdout!.on('data', () => {
				const match = /listening (\d+)/.exec(output);
				if (match) resolve(match[1]);
			});
			child.once('exit', () => reject(new Error(`fixture exited: ${output}`)));
		});
		base = `http://127.0.0.1:${port}`;
	});

	afterAll(() => {
		if (child.exitCode === null) child.kill('SIGKILL');
	});

	const escaped = (message: string) => output.split('\n').filter((line) => line.includes(message));

	it.each([
		['/throw', 'thrown while answering', 'thrown'],
		['/reject-before-headers', 'rejected before the answer began', 'unhandled rejection'],
		['/throw-in-timer', 'thrown later, still for this request', 'uncaught exception']
	])(
		'%s: answered 500 with the reference it was logged under, once',
		async (pathname, message, kind) => {
			const answer = await get(base, pathname);
			expect(answer.status).toBe(500);
			const reference = /reference ([0-9a-f]{8})/.exec(answer.body)?.[1];
			expect(reference).toBeTruthy();
			await new Promise((r) => setTimeout(r, 50));
			const lines = escaped(message);
			expect(lines).toHaveLength(1);
			expect(lines[0]).toContain(`error ${kind} ${reference} answering GET ${pathname}`);
			expect((await get(base, '/ok')).body).toBe('ok');
		}
	);

	it('closes a connection whose answer had begun, and keeps serving', async () => {
		const answer = await get(base, '/reject-after-headers');
		expect(answer.status).toBe(200);
		expect(answer.closed).toBeTruthy(); // never looks like a complete answer
		expect(escaped('rejected after the answer began')).toHaveLength(1);
		expect((await get(base, '/ok')).body).toBe('ok');
		expect(child.exitCode).toBeNull();
	});

	it('drains and exits 1 after an exception outside any request', async () => {
		const slow = get(base, '/slow');
		await new Promise((r) => setTimeout(r, 100));
		const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
		child.kill('SIGUSR2');
		expect(await slow).toEqual({ status: 200, body: 'slow' }); // the request in flight finished
		expect(await exited).toBe(1);
		expect(escaped('thrown outside any request')[0]).toMatch(
			/error uncaught exception [0-9a-f]{8} \{/
		);
		expect(output).toContain('drained');
	});
});
