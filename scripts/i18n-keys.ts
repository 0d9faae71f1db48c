// npm run i18n:keys
// For each language under src/lib/i18n/ (each folder with an index.ts), lists the keys it lacks
// against English (missing) and the keys English does not have (extra); then the English keys
// that no file under src/ uses (unused: how that is judged is in src/lib/i18n/keys.ts).
// Exits 1 when any language has a missing or an extra key; unused keys are only reported.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareKeys, unusedKeys } from '../src/lib/i18n/keys';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const i18n = path.join(src, 'lib/i18n');

const languages = fs
	.readdirSync(i18n, { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && fs.existsSync(path.join(i18n, entry.name, 'index.ts')))
	.map((entry) => entry.name)
	.sort();

/** A language's messages: its index's export named after it (`export const fr`). */
async function messagesOf(language: string): Promise<Record<string, string>> {
	const module = await import(pathToFileURL(path.join(i18n, language, 'index.ts')).href);
	const messages = module[language] ?? Object.values(module).find((v) => typeof v === 'object');
	if (!messages) throw new Error(`src/lib/i18n/${language}/index.ts exports no messages`);
	return messages;
}

/** Source files that may use a key: not the messages themselves, not tests. */
function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			const messagesDir = path.dirname(full) === i18n && languages.includes(entry.name);
			return messagesDir ? [] : sourceFiles(full);
		}
		return /\.(ts|js|svelte)$/.test(entry.name) && !/\.(spec|test)\.ts$/.test(entry.name)
			? [full]
			: [];
	});
}

const english = await messagesOf('en');
let failed = false;
for (const language of languages.filter((l) => l !== 'en')) {
	const { missing, extra } = compareKeys(english, await messagesOf(language));
	if (!missing.length && !extra.length) {
		console.log(`${language}: complete (${Object.keys(english).length} keys)`);
		continue;
	}
	failed = true;
	console.log(`${language}: ${missing.length} missing, ${extra.length} extra`);
	for (const key of missing) console.log(`  missing: ${key}`);
	for (const key of extra) console.log(`  extra:   ${key}`);
}

const unused = unusedKeys(
	Object.keys(english),
	sourceFiles(src).map((file) => fs.readFileSync(file, 'utf8'))
);
console.log(
	`\nEnglish keys no file under src/ uses: ${unused.length}` +
		(unused.length ? ' (reported only; check each before deleting it)' : '')
);
for (const key of unused) console.log(`  ${key}`);

process.exitCode = failed ? 1 : 0;
