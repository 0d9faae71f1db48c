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

/**
 * Writes `_app/locale-modules.json` into the client build: each language's messages module, as
 * built (`{ "en": "_app/immutable/chunks/….js", … }`). The root layout imports the visitor's
 * language only once Kit's scripts have run, a request later than the others; the server reads
 * this file to name that module in the page's head, so the browser fetches it with the rest
 * (src/lib/server/http/locale-preload.ts). The names are those of public files.
 */
function localeModules(): Plugin {
	return {
		name: 'openfloor-locale-modules',
		apply: 'build',
		generateBundle(options, bundle) {
			if (!options.dir?.replaceAll('\\', '/').endsWith('output/client')) return;
			const modules: Record<string, string> = {};
			for (const chunk of Object.values(bundle)) {
				if (chunk.type !== 'chunk' || !chunk.facadeModuleId) continue;
				const locale = /\/src\/lib\/i18n\/(\w+)\/index\.ts$/.exec(
					chunk.facadeModuleId.replaceAll('\\', '/')
				)?.[1];
				if (locale) modules[locale] = chunk.fileName;
			}
			this.emitFile({
				type: 'asset',
				fileName: '_app/locale-modules.json',
				source: JSON.stringify(modules)
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), socketServer(), localeModules()],
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
