// npm run verify-log -- <file or URL>
// Re-verifies a group's decision log independently of the server that published it: every entry
// must name the previous entry's hash and match its own. Exits 1 naming the first broken entry.
//   npm run verify-log -- https://crg.example.org/api/v1/groups/harbour/decisions.json
//   npm run verify-log -- harbour-decisions.json
import fs from 'node:fs';
import { verifyChain } from '../src/lib/server/decision-log/chain';

type Page = { items?: unknown[]; next?: string | null };

/** An export is a list of entries, or `{ items, next }` pages (followed from a URL). */
async function readEntries(source: string): Promise<unknown[]> {
	if (!/^https?:\/\//.test(source)) {
		const data = JSON.parse(fs.readFileSync(source, 'utf8')) as unknown;
		return Array.isArray(data) ? data : ((data as Page).items ?? []);
	}
	const entries: unknown[] = [];
	for (let url: string | null = source; url;) {
		const response = await fetch(url, { headers: { accept: 'application/json' } });
		if (!response.ok) throw new Error(`${url} answered ${response.status}`);
		const data = (await response.json()) as Page | unknown[];
		if (Array.isArray(data)) return data;
		entries.push(...(data.items ?? []));
		url = data.next ? new URL(data.next, url).toString() : null;
	}
	return entries;
}

const source = process.argv.slice(2).find((arg) => arg !== '--');
if (!source) {
	console.error('Usage: npm run verify-log -- <file or URL of a decisions.json export>');
	process.exit(2);
}
try {
	const result = verifyChain(await readEntries(source));
	if (result.ok) {
		console.log(`OK: ${result.count} entries verified; last hash ${result.lastHash}`);
	} else {
		console.error(
			`BROKEN at entry ${result.index + 1}${result.seq === null ? '' : ` (seq ${result.seq})`}: ${result.message}`
		);
		process.exitCode = 1;
	}
} catch (error) {
	console.error(`Cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 2;
}
