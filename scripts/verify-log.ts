// npm run verify-log -- <file or URL> [--checkpoint <file or URL>]... [--key <file or URL>]
// Re-verifies a group's decision log independently of the server that published it: every entry
// must name the previous entry's hash and match its own. Exits 1 naming the first broken entry.
// With --checkpoint (a checkpoint saved earlier: from the decisions page, the feed, the minutes
// or /api/v1/groups/<group>/checkpoints/latest.json; repeatable, or a saved list), it also checks
// each checkpoint's Ed25519 signature (key from --key, else the export's own
// /.well-known/openfloor-log-key) and that the log extends it: a log rewritten and re-hashed
// after the checkpoint was saved fails, naming where.
//   npm run verify-log -- https://crg.example.org/api/v1/groups/harbour/decisions.json
//   npm run verify-log -- harbour-decisions.json --checkpoint saved.json --key log-key.json
import fs from 'node:fs';
import { verifyChain, type LogEntry } from '../src/lib/server/decision-log/chain';
import {
	checkExtension,
	checkpointSignatureHolds,
	parseCheckpoint,
	publicKeysFrom,
	type SignedCheckpoint
} from '../src/lib/server/decision-log/checkpoint';

type Page = { items?: unknown[]; next?: string | null };

const isUrl = (source: string) => /^https?:\/\//.test(source);

async function readText(source: string): Promise<string> {
	if (!isUrl(source)) return fs.readFileSync(source, 'utf8');
	const response = await fetch(source, { headers: { accept: 'application/json' } });
	if (!response.ok) throw new Error(`${source} answered ${response.status}`);
	return response.text();
}

/** An export is a list of entries, or `{ items, next }` pages (followed from a URL). */
async function readEntries(source: string): Promise<unknown[]> {
	if (!isUrl(source)) {
		const data = JSON.parse(fs.readFileSync(source, 'utf8')) as unknown;
		return Array.isArray(data) ? data : ((data as Page).items ?? []);
	}
	const entries: unknown[] = [];
	for (let url: string | null = source; url;) {
		const data = JSON.parse(await readText(url)) as Page | unknown[];
		if (Array.isArray(data)) return data;
		entries.push(...(data.items ?? []));
		url = data.next ? new URL(data.next, url).toString() : null;
	}
	return entries;
}

/** One checkpoint, a list of them, or a `{ items }` page of them. */
async function readCheckpoints(source: string): Promise<SignedCheckpoint[]> {
	const data = JSON.parse(await readText(source)) as unknown;
	const list = Array.isArray(data)
		? data
		: data && typeof data === 'object' && 'items' in data
			? ((data as Page).items ?? [])
			: [data];
	return list.map(parseCheckpoint);
}

function parseArgs(argv: string[]) {
	const args = { source: undefined as string | undefined, checkpoints: [] as string[], key: '' };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') continue;
		if (arg === '--checkpoint' || arg === '--key') {
			const value = argv[++i];
			if (!value) throw new Error(`${arg} needs a file or URL`);
			if (arg === '--key') args.key = value;
			else args.checkpoints.push(value);
		} else if (!args.source) args.source = arg;
		else throw new Error(`unexpected argument ${arg}`);
	}
	return args;
}

/** The key: given, or the well-known URL of the server the export (or checkpoint) came from. */
function keySource(key: string, sources: string[]): string {
	if (key) return key;
	const from = sources.find(isUrl);
	if (!from)
		throw new Error('give --key <file or URL> to check checkpoints against a saved export');
	return new URL('/.well-known/openfloor-log-key', from).toString();
}

async function main(): Promise<number> {
	let args: ReturnType<typeof parseArgs>;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(String(error instanceof Error ? error.message : error));
		args = { source: undefined, checkpoints: [], key: '' };
	}
	const { source } = args;
	if (!source) {
		console.error(
			'Usage: npm run verify-log -- <file or URL of a decisions.json export> [--checkpoint <file or URL>]... [--key <file or URL>]'
		);
		return 2;
	}
	let entries: unknown[];
	const checkpoints: SignedCheckpoint[] = [];
	let keys: ReturnType<typeof publicKeysFrom> = [];
	try {
		entries = await readEntries(source);
		for (const c of args.checkpoints) checkpoints.push(...(await readCheckpoints(c)));
		if (checkpoints.length) {
			keys = publicKeysFrom(await readText(keySource(args.key, [source, ...args.checkpoints])));
		}
	} catch (error) {
		console.error(`Cannot read: ${error instanceof Error ? error.message : String(error)}`);
		return 2;
	}
	const result = verifyChain(entries);
	if (!result.ok) {
		console.error(
			`BROKEN at entry ${result.index + 1}${result.seq === null ? '' : ` (seq ${result.seq})`}: ${result.message}`
		);
		return 1;
	}
	console.log(`OK: ${result.count} entries verified; last hash ${result.lastHash}`);
	if (!checkpoints.length || !keys.length) return 0;
	const unsigned = checkpoints.find((c) => !keys.some((key) => checkpointSignatureHolds(c, key)));
	if (unsigned) {
		console.error(
			`CHECKPOINT NOT SIGNED by this key: the checkpoint of size ${unsigned.size} signed at ${unsigned.signedAt} (its signature does not hold)`
		);
		return 1;
	}
	const extension = checkExtension(entries as LogEntry[], checkpoints);
	if (!extension.ok) {
		console.error(`BROKEN against a signed checkpoint: ${extension.message}`);
		return 1;
	}
	console.log(
		`OK: the log extends ${checkpoints.length} signed checkpoint(s), up to entry ${extension.size}`
	);
	return 0;
}

process.exitCode = await main();
