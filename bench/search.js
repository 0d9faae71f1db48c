// npm run bench:search — full-text search latency over demo-scale data, against the built app.
//
// Seeds a fresh database with the app's own migrations: BENCH_MEETINGS (default 1,000) closed
// meetings spread over five groups, each with 6 agenda items, about 80 published questions
// (plus a few pending and rejected ones) and 16 more in French and Arabic and about 5,000 words of published minutes (one in
// ten with an older, superseded version). PGlite in a temporary folder by default; a scratch
// database on DATABASE_URL when that is set. Then starts the built app on it and times
// GET /api/v1/search for a set of realistic queries (one client, one request at a time),
// printing p50/p95/p99 per query and overall. BENCH_RUNS (default 25) sets the runs per query.
// The first run of each query ("first") is timed apart: it ranks every match, where the runs
// after it may use the ranking kept for a common word (search.ts); the pages kept for anonymous
// readers are switched off (PUBLIC_CACHE_MB=0), so every run is a search, not a kept page.
// BENCH_KEEP=1 keeps the seeded database afterwards (and prints where it is), to EXPLAIN queries.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { ensureBuilt, scratchDatabase, stop, waitFor } from './lib.js';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const meetingCount = Number(process.env.BENCH_MEETINGS ?? 1000);
const runs = Number(process.env.BENCH_RUNS ?? 25);
const groupCount = 5;
const migrationsFolder = path.join(root, 'drizzle');

ensureBuilt();

// ---- Text that looks like a reference group's: topic words amid a long tail of others.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const topics = `police officer patrol patrols stop search searches custody arrest arrests complaint
	complaints response times neighbourhood community youth young people school schools knife crime
	violence drugs antisocial behaviour housing estate street lighting cameras body worn camera
	footage victims witnesses hate incidents mental health detention charge charges review inquiry
	budget funding staffing recruitment training diversity trust confidence engagement meeting
	council landlord repairs damp mould rent tenants eviction licence noise traffic parking speeding
	burglary theft vehicle shoplifting domestic abuse safeguarding referral partnership`
	.split(/\s+/)
	.filter(Boolean);
const tail = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}x`);
const common = 'the of and to a in that is was for on with as be at by this from have are it'.split(
	' '
);
// Zipf-like: common words first, then topics, then the tail.
const vocabulary = [...common, ...topics, ...tail];
const cumulative = [];
let sum = 0;
for (let i = 0; i < vocabulary.length; i++) cumulative.push((sum += 1 / (i + 3)));
function word() {
	const x = random() * sum;
	let lo = 0;
	let hi = cumulative.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cumulative[mid] < x) lo = mid + 1;
		else hi = mid;
	}
	return vocabulary[lo];
}
function sentence(min, max) {
	const n = min + Math.floor(random() * (max - min + 1));
	const words = Array.from({ length: n }, word);
	words[0] = words[0][0].toUpperCase() + words[0].slice(1);
	return words.join(' ') + '.';
}
// Questions in French and Arabic beside the English corpus (issue 17: each text is searched in
// its own language): short sentences of each language's common words, topic words (in several
// forms, so that stems matter) and the long tail.
const otherLanguages = {
	french: {
		common: 'le la les des et est de pour que dans une un du au qui pas sur'.split(' '),
		topics: `police agents patrouille patrouilles contrôle contrôles contrôlées gouvernement
			gouvernements communauté communautés jeunes écoles logement réunion réunions plainte
			plaintes sécurité quartier quartiers caméras données chiffres publication`
			.split(/\s+/)
			.filter(Boolean)
	},
	arabic: {
		common: 'في من على و أن هل إلى عن هذا التي'.split(' '),
		topics: `الشرطة المجتمع المجتمعات مجتمع الدوريات الشباب المدارس السكن الشكاوى الأمن الحي
			الأحياء الكاميرات البيانات الأرقام الحكومة الحكومات`
			.split(/\s+/)
			.filter(Boolean)
	}
};
function sentenceIn(language, min, max) {
	const { common: few, topics: many } = otherLanguages[language];
	const n = min + Math.floor(random() * (max - min + 1));
	const pick = (list) => list[Math.floor(random() * list.length)];
	const words = Array.from({ length: n }, () => {
		const x = random();
		return x < 0.4 ? pick(few) : x < 0.8 ? pick(many) : pick(tail);
	});
	return words.join(' ') + ' ?';
}

function paragraphs(words) {
	const out = [];
	let count = 0;
	while (count < words) {
		const s = Array.from({ length: 5 }, () => sentence(8, 22)).join(' ');
		count += s.split(' ').length;
		out.push(s);
	}
	return out;
}
function minutesText(number) {
	const body = paragraphs(5000);
	const sections = [];
	for (let i = 0; i < body.length; i += 6) {
		sections.push(`## Item ${i / 6 + 1}\n\n${body.slice(i, i + 6).join('\n\n')}`);
	}
	return `# Minutes of meeting ${number}\n\n${sections.join('\n\n')}`;
}

// ---- The database: the app's migrations, then plain multi-row inserts.
async function openDatabase() {
	if (process.env.DATABASE_URL) {
		const scratch = await scratchDatabase(process.env.DATABASE_URL, 'openfloor_bench');
		const client = postgres(scratch.url, { max: 1, onnotice: () => {} });
		await migratePostgres(drizzlePostgres({ client }), { migrationsFolder });
		return {
			env: { DATABASE_URL: scratch.url },
			exec: (text, params = []) => client.unsafe(text, params),
			close: () => client.end({ timeout: 5 }),
			drop: (keep) => scratch.drop(keep)
		};
	}
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-bench-search-'));
	const client = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata') });
	await migratePglite(drizzlePglite({ client }), { migrationsFolder });
	return {
		env: { DATA_DIR: dataDir },
		exec: (text, params = []) => client.query(text, params),
		close: () => client.close(),
		drop: async (keep) => {
			if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

async function insert(db, table, columns, rows) {
	const perStatement = Math.max(1, Math.floor(30000 / columns.length));
	for (let start = 0; start < rows.length; start += perStatement) {
		const chunk = rows.slice(start, start + perStatement);
		const params = [];
		const tuples = chunk.map((row) => {
			const marks = row.map((value) => {
				params.push(value);
				return `$${params.length}`;
			});
			return `(${marks.join(', ')})`;
		});
		await db.exec(
			`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`,
			params
		);
	}
}

async function seedData(db) {
	const groups = Array.from({ length: groupCount }, (_, i) => ({
		id: crypto.randomUUID(),
		slug: `bench-${i + 1}`
	}));
	await insert(
		db,
		'groups',
		['id', 'slug', 'name', 'institution', 'purpose', 'time_zone'],
		groups.map((g, i) => [
			g.id,
			g.slug,
			`Bench group ${i + 1}`,
			'Benchshire Police',
			'Benching.',
			'Europe/London'
		])
	);
	const started = Date.now();
	const batch = 20;
	for (let first = 0; first < meetingCount; first += batch) {
		const meetings = [];
		const agenda = [];
		const questions = [];
		const versions = [];
		for (let m = first; m < Math.min(first + batch, meetingCount); m++) {
			const group = groups[m % groupCount];
			const number = Math.floor(m / groupCount) + 1;
			const id = crypto.randomUUID();
			// Monthly meetings going back from November 2026.
			const startsAt = new Date(Date.UTC(2026, 10 - (number - 1), 12, 18, 30));
			meetings.push([
				id,
				group.id,
				number,
				sentence(3, 6).slice(0, -1),
				startsAt.toISOString(),
				new Date(startsAt.getTime() + 7200_000).toISOString(),
				'closed'
			]);
			for (let a = 0; a < 6; a++) {
				agenda.push([id, a + 1, sentence(3, 7).slice(0, -1), paragraphs(80).join('\n\n'), 15]);
			}
			const asked = 80 + Math.floor(random() * 10);
			for (let q = 0; q < asked; q++) {
				const state = q < 80 ? 'published' : q % 2 ? 'pending' : 'rejected';
				const answered = state === 'published' && random() < 0.6;
				questions.push([
					id,
					sentence(10, 30) + ' ' + sentence(5, 15).replace(/\.$/, '?'),
					true,
					state,
					answered ? 'answered' : 'open',
					answered ? sentence(10, 40) : null
				]);
			}
			for (let q = 0; q < 16; q++) {
				const language = q % 2 ? 'arabic' : 'french';
				questions.push([id, sentenceIn(language, 10, 30), true, 'published', 'open', null]);
			}
			const markdown = minutesText(number);
			if (m % 10 === 0) versions.push([id, 1, minutesText(number), null, 'Bench Secretary']);
			versions.push([
				id,
				m % 10 === 0 ? 2 : 1,
				markdown,
				m % 10 === 0 ? 'Corrected attendance.' : null,
				'Bench Secretary'
			]);
		}
		await insert(
			db,
			'meetings',
			['id', 'group_id', 'number', 'title', 'starts_at', 'ends_at', 'state'],
			meetings
		);
		await insert(
			db,
			'agenda_items',
			['meeting_id', 'position', 'title', 'description', 'planned_minutes'],
			agenda
		);
		await insert(
			db,
			'questions',
			['meeting_id', 'text', 'anonymous', 'state', 'answer_status', 'answer_summary'],
			questions
		);
		for (const version of versions) {
			await insert(
				db,
				'minutes_versions',
				['meeting_id', 'version', 'markdown', 'change_note', 'published_by_name'],
				[version]
			);
		}
		if ((first / batch) % 10 === 9) {
			process.stdout.write(
				`  ${first + batch} meetings seeded (${((Date.now() - started) / 1000).toFixed(0)} s)\n`
			);
		}
	}
	await db.exec('analyze');
	return groups;
}

// ---- The app and the clock.

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (n) => n.toFixed(1).padStart(7);

const db = await openDatabase();
let app;
try {
	console.log(
		`Seeding ${meetingCount} meetings on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}…`
	);
	const seedStart = Date.now();
	const groups = await seedData(db);
	console.log(`Seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s.`);
	await db.close();

	const port = 4900 + Math.floor(Math.random() * 90);
	const url = `http://127.0.0.1:${port}`;
	app = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			...db.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			LOG_LEVEL: 'warn',
			PUBLIC_CACHE_MB: '0'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	await waitFor(`${url}/healthz`);

	const queries = [
		{ label: 'one topic word', q: 'lighting' },
		{ label: 'two words', q: 'knife crime' },
		{ label: 'phrase', q: '"body worn cameras"' },
		{ label: 'word, minus word', q: 'housing -repairs' },
		{ label: 'either word', q: 'damp OR mould' },
		{ label: 'rare tail word', q: 'w2bgx' },
		{ label: 'very common word', q: 'police' },
		{ label: 'common word, page 3', q: 'police', page: 3 },
		{ label: 'one group', q: 'complaints', group: groups[1].slug },
		{ label: 'date range', q: 'antisocial behaviour', from: '2025-01-01', to: '2025-12-31' },
		{ label: 'no lexemes', q: 'the (((' },
		{ label: 'French word, stems', q: 'gouvernement' },
		{ label: 'Arabic word, stems', q: 'مجتمع' }
	];
	const all = [];
	console.log(`\n${runs} runs per query, one at a time (ms):`);
	console.log(
		`${'query'.padEnd(22)} ${'results'.padStart(8)} ${'first'.padStart(7)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}`
	);
	for (const query of queries) {
		const params = new URLSearchParams(
			Object.entries(query)
				.filter(([k]) => k !== 'label')
				.map(([k, v]) => [k, String(v)])
		);
		const times = [];
		let total = 0;
		let firstRun = 0;
		for (let i = 0; i < runs + 1; i++) {
			const t0 = performance.now();
			const response = await fetch(`${url}/api/v1/search?${params}`);
			const body = await response.json();
			const elapsed = performance.now() - t0;
			if (!response.ok)
				throw new Error(`${query.label}: ${response.status} ${JSON.stringify(body)}`);
			total = body.total;
			if (i > 0) times.push(elapsed);
			else firstRun = elapsed; // ranks every match; warms the caches
		}
		times.sort((a, b) => a - b);
		all.push(...times);
		console.log(
			`${query.label.padEnd(22)} ${String(total).padStart(8)} ${ms(firstRun)} ${ms(quantile(times, 0.5))} ${ms(quantile(times, 0.95))} ${ms(times.at(-1))}`
		);
	}
	all.sort((a, b) => a - b);
	console.log(
		`\nAll ${all.length} searches: p50 ${quantile(all, 0.5).toFixed(1)} ms, p95 ${quantile(all, 0.95).toFixed(1)} ms, p99 ${quantile(all, 0.99).toFixed(1)} ms`
	);
} finally {
	if (app) await stop(app);
	await db.drop(!!process.env.BENCH_KEEP);
	if (process.env.BENCH_KEEP) console.log(`Kept the database: ${JSON.stringify(db.env)}`);
}
