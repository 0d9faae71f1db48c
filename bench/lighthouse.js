// npm run bench:lighthouse — Lighthouse's scores (accessibility, best practices, performance, SEO)
// for the pages issue 17 names, against its targets: accessibility 100, best practices ≥ 95,
// performance ≥ 95 on reading pages and ≥ 85 on the live page.
//
// The built app runs with the demo story, pinned to core 0 (bench/lib.js startDemoApp); the
// demo's next meeting is taken live by its chair (ten questions, the room-code rule), and the live
// page is audited as an attendee admitted by the room code sees it (the question box and the vote
// buttons: Lighthouse sends that attendee's cookies). Debian's Chromium runs headless, pinned to
// core 1, and the `lighthouse` package (programmatic API) drives it over its DevTools port with
// its defaults: mobile form factor (a Moto G Power's screen) and simulated throttling (Lighthouse's
// "Slow 4G": 150 ms round trip, 1.6 Mbit/s down, CPU 4× slower; the page loads at full speed and
// the metrics are computed for those conditions). Each page is run BENCH_RUNS times (default 3);
// the table gives the median run (Lighthouse's own choice: closest to the median FCP and TTI) and
// the range of performance scores, then every audit that costs a score its target.
//
// BENCH_VIA=nginx audits the pages behind deploy/nginx/openfloor.conf, as a real deployment serves
// them (HTTPS, HTTP/2, compressed; bench/front-cache.js startDemoSite); by default, Node directly.
//
// Options (environment): BENCH_RUNS (default 3), BENCH_CHROMIUM_CORE (default 1; `none` leaves
// Chromium unpinned), BENCH_LH_OUT=<folder> (writes each median run's full report there, JSON).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { Api, demoMeetingLive, startChromium } from './lib.js';
import { benchVia, startDemoSite } from './front-cache.js';

const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const chromiumCore =
	process.env.BENCH_CHROMIUM_CORE === 'none'
		? undefined
		: Number(process.env.BENCH_CHROMIUM_CORE ?? 1);
const out = process.env.BENCH_LH_OUT;
const categories = ['accessibility', 'best-practices', 'performance', 'seo'];
/** Scores out of 100 a page must reach (SEO: no target, shown for completeness). */
const targets = (live) => ({
	accessibility: 100,
	'best-practices': 95,
	performance: live ? 85 : 95
});

const served = await startDemoSite(benchVia(), {
	env: { PARTICIPANTS_PER_CLIENT_HOUR: '1000000' }
});
const { app } = served;
const chrome = await startChromium({ core: chromiumCore, args: served.chromiumArgs });
const loadBefore = os.loadavg();
const rows = [];
try {
	const meeting = await demoMeetingLive(app.base);
	const { group } = meeting;
	const { items } = await meeting.chair.call('GET', `/api/v1/groups/${group}/meetings`);
	const closed = Math.max(...items.filter((m) => m.state === 'closed').map((m) => m.number));
	// An attendee admitted by the room code: a participant token (the live page's data gives one),
	// then the code.
	const attendee = new Api(app.base);
	await attendee.call('GET', `/g/${group}/meetings/${meeting.meeting}/live/__data.json`);
	await attendee.call('POST', `/api/v1/groups/${group}/meetings/${meeting.meeting}/admission`, {
		code: meeting.roomCode
	});
	const pages = [
		['site home', '/'],
		['group home', `/g/${group}`],
		['minutes', `/g/${group}/meetings/${closed}/minutes`],
		['ledger', `/g/${group}/ledger`],
		['register (applications)', `/g/${group}/applications`],
		['meeting', `/g/${group}/meetings/${closed}`],
		['live (admitted attendee)', `/g/${group}/meetings/${meeting.meeting}/live`, attendee.cookies]
	];
	// One audit not counted: the first of a fresh Chromium is slower (the site home's median run
	// once showed 330 ms of blocking time on a page without a script).
	console.error('warm-up run…');
	await lighthouse(served.base + '/', {
		port: chrome.port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: ['performance']
	});
	for (const [label, pathname, cookie] of pages) {
		const lhrs = [];
		for (let i = 0; i < runs; i++) {
			console.error(`${label}: run ${i + 1}/${runs}…`);
			const result = await lighthouse(served.base + pathname, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: categories,
				...(cookie ? { extraHeaders: { cookie } } : {})
			});
			if (!result) throw new Error(`Lighthouse gave no result for ${pathname}`);
			if (result.lhr.runtimeError) {
				throw new Error(`${pathname}: ${result.lhr.runtimeError.message}`);
			}
			lhrs.push(result.lhr);
		}
		const lhr = computeMedianRun(lhrs);
		if (out) {
			fs.mkdirSync(out, { recursive: true });
			const file = `${label.replace(/\W+/g, '-').replace(/-$/, '')}.json`;
			fs.writeFileSync(path.join(out, file), JSON.stringify(lhr));
		}
		const performance = lhrs.map((r) => Math.round((r.categories.performance.score ?? 0) * 100));
		rows.push({ label, pathname, live: !!cookie, lhr, performance });
	}
	report(rows);
} finally {
	await chrome.stop();
	await served.stop();
}

function report(rows) {
	const first = rows[0].lhr;
	const score = (lhr, id) => Math.round((lhr.categories[id].score ?? 0) * 100);
	console.log(
		`\nLighthouse ${first.lighthouseVersion} — ${first.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''}, ${first.configSettings.formFactor}, ${first.configSettings.throttlingMethod} throttling; ${os.cpus().length} cores (${os.cpus()[0].model}), app on core 0 ${served.served}, Chromium on ${chromiumCore === undefined ? 'any core' : `core ${chromiumCore}`}; benchmark index ${Math.round(first.environment.benchmarkIndex)}; median of ${runs} runs per page; load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')} before, ${os
			.loadavg()
			.map((n) => n.toFixed(2))
			.join(' ')} after\n`
	);
	console.log(
		'| page | path | accessibility | best practices | performance (range) | SEO | FCP s | LCP s | TBT ms | CLS |'
	);
	console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	const misses = [];
	for (const { label, pathname, live, lhr, performance } of rows) {
		const mark = (id) => {
			const value = score(lhr, id);
			const wanted = targets(live)[id];
			if (wanted !== undefined && value < wanted) misses.push({ label, id, value, wanted, lhr });
			return wanted !== undefined && value < wanted ? `**${value}** ✗` : String(value);
		};
		const metric = (id, scale, digits) => (lhr.audits[id].numericValue / scale).toFixed(digits);
		const range = runs > 1 ? ` (${Math.min(...performance)}–${Math.max(...performance)})` : '';
		console.log(
			`| ${label} | \`${pathname}\` | ${mark('accessibility')} | ${mark('best-practices')} | ${mark('performance')}${range} | ${score(lhr, 'seo')} | ${metric('first-contentful-paint', 1000, 1)} | ${metric('largest-contentful-paint', 1000, 1)} | ${metric('total-blocking-time', 1, 0)} | ${metric('cumulative-layout-shift', 1, 3)} |`
		);
	}
	console.log(
		misses.length
			? '\nScores below their targets, and the audits that cost them (median run):'
			: '\nEvery score meets its target.'
	);
	for (const { label, id, value, wanted, lhr } of misses) {
		console.log(`\n${label} — ${id} ${value} (target ${wanted}):`);
		for (const audit of failing(lhr, id)) console.log(`  - ${audit}`);
	}
	// What else Lighthouse flags, once per audit with the pages it flags: SEO (no target), and the
	// performance audits that cost no score here but say what a slower network would pay for.
	for (const [id, title] of [
		['seo', 'SEO audits not passed (no target)'],
		['performance', 'Performance audits flagged (scored or not)']
	]) {
		const flagged = new Map();
		for (const { label, lhr } of rows) {
			for (const audit of failing(lhr, id, { withValues: false })) {
				flagged.set(audit, [...(flagged.get(audit) ?? []), label]);
			}
		}
		if (flagged.size) console.log(`\n${title}:`);
		for (const [audit, labels] of flagged) console.log(`  - ${audit} — ${labels.join(', ')}`);
	}
}

/**
 * The audits of a category that did not pass: weighted ones, and opportunities that flag;
 * `withValues: false` leaves out what varies from page to page (to group pages by audit).
 */
function failing(lhr, categoryId, { withValues = true } = {}) {
	const lines = [];
	for (const ref of lhr.categories[categoryId].auditRefs) {
		const audit = lhr.audits[ref.id];
		if (!audit || audit.score === null || audit.score >= 0.9) continue;
		if (['notApplicable', 'informative', 'manual'].includes(audit.scoreDisplayMode)) continue;
		const items = audit.details?.items?.length;
		const values = withValues
			? `${audit.displayValue ? ` — ${audit.displayValue}` : ''}${items ? ` [${items} item${items > 1 ? 's' : ''}]` : ''}`
			: '';
		lines.push(`${ref.id}${ref.weight ? ` (weight ${ref.weight})` : ''}: ${audit.title}${values}`);
	}
	return lines;
}
