import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-node';

/** The live page's early-socket script (src/lib/server/http/early-socket.ts), allowed by its hash. */
const earlySocketHash = `sha256-${createHash('sha256')
	.update(readFileSync(new URL('./src/lib/realtime/early-socket-head.js', import.meta.url)))
	.digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes everywhere in our code; libraries decide for themselves.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter({ out: 'build' }),
		// The site's stylesheets go in each page's <head> instead of files: one request fewer before
		// anything shows, which is 2 s on a slow 3G phone (docs/performance.md, bench:slow). About
		// 11 KB (3 KB compressed) a page; tests/integration/page-weight checks it is still inlined.
		inlineStyleThreshold: 32 * 1024,
		// Every page's Content-Security-Policy (docs/security.md). Scripts only from this origin,
		// SvelteKit's own inline start-up script (by nonce) and the live page's early-socket script
		// (by hash): no 'unsafe-inline' for scripts. Styles may be inline (Svelte's style
		// attributes). No page may be framed; hooks.server.ts lets the projector screen be framed by
		// this origin alone.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', earlySocketHash],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		// The app's own CSRF check (src/lib/server/http/origin.ts, the first hook that can refuse)
		// covers form actions, the JSON API and every other endpoint, and answers the API in its
		// own error shape; SvelteKit's (forms only, in plain text, before any hook) is therefore
		// off. `trustedOrigins: ['*']` is how Kit 2 turns it off (`checkOrigin` is deprecated).
		csrf: { trustedOrigins: ['*'] },
		typescript: {
			// Type-check (and lint) the operator scripts and benchmarks with the app.
			config: (tsconfig) => {
				tsconfig.include.push(
					'../scripts/**/*.ts',
					'../bench/**/*.ts',
					'../drizzle.config.ts',
					'../playwright.config.ts'
				);
			}
		}
	}
};

export default config;
