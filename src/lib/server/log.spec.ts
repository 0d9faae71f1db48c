import { afterEach, describe, expect, it, vi } from 'vitest';

/** The log module with its configuration read afresh from `env`. */
async function logWith(env: Record<string, string>) {
	vi.resetModules();
	for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
	return import('./log');
}

describe('the log', () => {
	afterEach(() => {
		vi.unstubAllEnvs();
		vi.restoreAllMocks();
	});

	it('writes one JSON object per line with LOG_FORMAT=json, the request id inside a request', async () => {
		const { log, requestContext } = await logWith({ LOG_FORMAT: 'json', LOG_LEVEL: 'info' });
		const lines: string[] = [];
		vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
		vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
		log.info('outside', { n: 1 });
		requestContext.run({ requestId: 'req-1' }, () => log.warn('inside "quoted"\nline'));
		const [outside, inside] = lines.map((line) => JSON.parse(line));
		expect(outside).toMatchObject({ level: 'info', msg: 'outside', n: 1 });
		expect(outside.requestId).toBeUndefined();
		expect(inside).toMatchObject({
			level: 'warn',
			msg: 'inside "quoted"\nline',
			requestId: 'req-1'
		});
		expect(Date.parse(inside.time)).not.toBeNaN();
		expect(lines.every((line) => !line.includes('\n'))).toBe(true);
	});

	it('writes text lines by default, naming the request in brackets', async () => {
		const { log, requestContext } = await logWith({ LOG_LEVEL: 'info' });
		const lines: string[] = [];
		vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
		requestContext.run({ requestId: 'req-2' }, () => log.info('hello'));
		expect(lines[0]).toMatch(/^\S+ info hello \[req-2\]$/);
	});
});
