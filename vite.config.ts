import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { Server } from 'socket.io';
import type { Server as HttpServer } from 'node:http';
import { socketOptions } from './server/socket-options.js';

/**
 * socket.io on the dev and preview servers. The server is shared through globalThis;
 * the SvelteKit `init` hook attaches Openfloor's handlers to it (see src/lib/server/realtime).
 */
function socketServer(): Plugin {
	const attach = (httpServer: HttpServer | null) => {
		if (!httpServer) return;
		const holder = globalThis as { openfloorSocketServer?: Server };
		holder.openfloorSocketServer ??= new Server(httpServer, socketOptions);
	};
	return {
		name: 'openfloor-socket-server',
		configureServer: (server) => attach(server.httpServer as HttpServer | null),
		configurePreviewServer: (server) => attach(server.httpServer as HttpServer | null)
	};
}

export default defineConfig({
	plugins: [sveltekit(), socketServer()],
	test: {
		expect: { requireAssertions: true },
		// The instance secret of the code under test and of the apps the tests start (which
		// inherit the environment), so no test writes ./data/secret.key.
		env: { SECRET_KEY: 'openfloor-tests-secret-key-not-for-production-use' },
		globalSetup: ['tests/global-setup.ts'],
		// Two at a time even on two cores: most of a test's time is spent waiting on an app, a
		// database or a socket, and each file has databases and apps of its own.
		maxWorkers: 2,
		hookTimeout: 60_000,
		testTimeout: 30_000,
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.spec.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts']
				}
			},
			{
				// The long fault suites (docs/reliability.md): `npm run test:faults`.
				extends: './vite.config.ts',
				test: {
					name: 'faults',
					environment: 'node',
					include: ['tests/faults/**/*.test.ts'],
					testTimeout: 15 * 60_000,
					hookTimeout: 3 * 60_000
				}
			}
		]
	}
});
