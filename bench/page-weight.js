// npm run bench:weight — what public pages weigh: for each page of the list below, loaded from
// the built app with the demo story, the JavaScript it loads (its modulepreloads and entry
// imports: the number of files and their gzip and brotli sizes), its HTML and its stylesheets,
// and the total a first visit downloads (compressed).
//
// To measure another page, add a line to `pages`: a label and a path, where `{group}` and
// `{meeting}` are replaced by the demo's group and its meeting with the live Q&A record.
import zlib from 'node:zlib';
import { startDemoApp } from './lib.js';

const pages = [
	['home', '/'],
	['group', '/g/{group}'],
	['meetings', '/g/{group}/meetings'],
	['meeting', '/g/{group}/meetings/{meeting}'],
	['live Q&A', '/g/{group}/meetings/{meeting}/live'],
	['live screen', '/g/{group}/meetings/{meeting}/screen'],
	['members', '/g/{group}/members'],
	['decisions', '/g/{group}/decisions'],
	['minutes', '/g/{group}/meetings/{meeting}/minutes'],
	['minutes diff', '/g/{group}/meetings/1/minutes?from=1&to=2'],
	['actions', '/g/{group}/meetings/{meeting}/actions'],
	['ledger', '/g/{group}/ledger'],
	['search', '/search?q=custody'],
	['apply', '/g/{group}/apply']
];

// The built app on a fresh embedded database with the demo story loaded (as `npm run demo`).
const app = await startDemoApp();
const base = app.base;

try {
	const group = 'harbour';
	const listed = await (await fetch(`${base}/api/v1/groups/${group}/meetings`)).json();
	const meetings = Array.isArray(listed) ? listed : (listed.items ?? listed.meetings ?? []);
	const closed = meetings.filter((m) => m.state === 'closed').map((m) => m.number);
	const meeting = Math.max(...closed);
	const fill = (p) => p.replace('{group}', group).replace('{meeting}', String(meeting));

	const sizes = (bytes) => ({
		raw: bytes.length,
		gzip: zlib.gzipSync(bytes, { level: 9 }).length,
		brotli: zlib.brotliCompressSync(bytes, {
			params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 }
		}).length
	});
	const cache = new Map();
	async function asset(url) {
		if (!cache.has(url)) {
			const response = await fetch(new URL(url, base));
			if (!response.ok) throw new Error(`${url}: ${response.status}`);
			cache.set(url, sizes(Buffer.from(await response.arrayBuffer())));
		}
		return cache.get(url);
	}

	/** The path of a JS file and those it imports statically, relative to `from`. */
	const imported = new Map();
	async function staticImports(url) {
		if (!imported.has(url)) {
			const text = await (await fetch(new URL(url, base))).text();
			imported.set(
				url,
				[...text.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)].map(
					(m) => new URL(m[1], base + url).pathname
				)
			);
		}
		return imported.get(url);
	}

	const rows = [];
	for (const [label, pattern] of pages) {
		const pathname = fill(pattern);
		const response = await fetch(base + pathname);
		const html = Buffer.from(await response.arrayBuffer());
		const text = html.toString('utf8');
		// A page that hydrates imports Kit's two entries and starts its route's nodes (layouts
		// and page, by index, loaded by the app entry); they and everything they import
		// statically is what the browser fetches. A page with csr = false has none of this.
		const entries = [...text.matchAll(/import\("([^"]+\.js)"\)/g)].map(
			(m) => new URL(m[1], base + pathname).pathname
		);
		const nodeIds = /node_ids:\s*\[([\d,\s]*)\]/
			.exec(text)?.[1]
			.split(',')
			.map((n) => n.trim());
		const queue = [...entries];
		for (const entry of entries) {
			if (!/\/entry\/app\./.test(entry) || !nodeIds) continue;
			const app = await (await fetch(base + entry)).text();
			for (const id of nodeIds) {
				const node = new RegExp(`["'](\\.{0,2}/?[^"']*nodes/${id}\\.[^"']+\\.js)["']`).exec(app);
				if (node) queue.push(new URL(node[1], base + entry).pathname);
			}
		}
		const scripts = new Set();
		while (queue.length) {
			const script = queue.shift();
			if (scripts.has(script)) continue;
			scripts.add(script);
			queue.push(...(await staticImports(script)));
		}
		let gzip = 0;
		let brotli = 0;
		let raw = 0;
		for (const script of scripts) {
			const size = await asset(script);
			raw += size.raw;
			gzip += size.gzip;
			brotli += size.brotli;
		}
		// Stylesheets the page links (the site's CSS and the route's own).
		let cssGzip = 0;
		for (const [tag] of text.matchAll(/<link\b[^>]*>/g)) {
			const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
			if (!/\brel="stylesheet"/.test(tag) || !href) continue;
			cssGzip += (await asset(new URL(href, base + pathname).pathname)).gzip;
		}
		const htmlSizes = sizes(html);
		rows.push({
			label,
			pathname,
			status: response.status,
			files: scripts.size,
			raw,
			gzip,
			brotli,
			html: htmlSizes,
			cssGzip,
			// What a first visit downloads, compressed: the page, its styles and its scripts.
			totalGzip: htmlSizes.gzip + cssGzip + gzip
		});
	}

	const kb = (n) => (n / 1024).toFixed(1);
	console.log(
		`\nPage weight — the built app with the demo story; gzip -9 and brotli q11; sizes in KB\n`
	);
	console.log(
		[
			'page',
			'path',
			'status',
			'JS files',
			'JS raw',
			'JS gzip',
			'JS brotli',
			'HTML',
			'HTML gzip',
			'CSS gzip',
			'total gzip'
		].join('\t')
	);
	for (const r of rows) {
		console.log(
			[
				r.label,
				r.pathname,
				r.status,
				r.files,
				kb(r.raw),
				kb(r.gzip),
				kb(r.brotli),
				kb(r.html.raw),
				kb(r.html.gzip),
				kb(r.cssGzip),
				kb(r.totalGzip)
			].join('\t')
		);
	}
} finally {
	await app.stop();
}
