import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLocale, type Locale } from '$lib/i18n';

/**
 * Each language's messages module in the client build, as vite.config.ts (`localeModules`) wrote
 * it to `client/_app/locale-modules.json`, found from this module's own place in the build
 * (build/server/… beside build/client/…). Empty in development, where there is no such file.
 */
function readModules(): Partial<Record<Locale, string>> {
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (let up = 0; up < 4; up++, dir = path.dirname(dir)) {
		const file = path.join(dir, 'client', '_app', 'locale-modules.json');
		if (!fs.existsSync(file)) continue;
		const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
		if (typeof parsed !== 'object' || parsed === null) return {};
		return Object.fromEntries(
			Object.entries(parsed).filter(
				([locale, file]) => isLocale(locale) && typeof file === 'string'
			)
		);
	}
	return {};
}

let modules: Partial<Record<Locale, string>> | undefined;

/**
 * A page's head, with the visitor's language's messages named for the browser to fetch at once
 * (`modulepreload`), as Kit names its own modules (in the `Link` header): the root layout imports
 * them (`loadMessages`) only once those have run, which on a slow network is a whole request
 * later (2 s on Slow 3G, docs/performance.md). Only a page that has scripts (Kit's start-up
 * script) gets it: a page without (`csr = false`) needs no messages in the browser.
 */
export function preloadMessages(html: string, locale: Locale): string {
	if (!html.includes('<script') || !html.includes('</head>')) return html;
	modules ??= readModules();
	const file = modules[locale];
	if (!file) return html;
	return html.replace('</head>', `<link rel="modulepreload" href="/${file}">\n\t</head>`);
}
