import { defineConfig } from '@playwright/test';
import { chromiumFlags } from './bench/chromium-flags.js';

// E2E_PORT lets two checkouts on one machine run their browser tests at once.
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? '4173'}`;

export default defineConfig({
	testDir: 'tests/e2e',
	// Two cores: one browser at a time, next to the server and its embedded database.
	workers: 1,
	fullyParallel: false,
	// Each page is checked with axe: a whole flow of twenty pages takes a while on two cores.
	timeout: 60_000,
	expect: { timeout: 5_000 },
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
	use: {
		baseURL,
		locale: 'en-GB',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			// Browsers cannot be downloaded here: Debian's chromium (see .ci/run).
			executablePath: '/usr/bin/chromium',
			args: chromiumFlags
		}
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
	webServer: {
		// Serves the existing build: `npm test` builds once before this runs.
		command: 'node tests/e2e/serve.js',
		url: `${baseURL}/healthz`,
		reuseExistingServer: false,
		// serve.js passes the signal on, so the server closes its database cleanly.
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
		timeout: 60_000,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
