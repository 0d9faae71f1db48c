// npm run bench:slow — an attendee on a cheap phone with little data (issue 17): how long, from the
// moment they open the screen's QR code, until they see the questions and until their vote counts,
// on an emulated slow connection and a slow CPU, beside the same without throttling (the baseline,
// measured in the same run, the two alternating), and a reading page (the latest minutes) the same
// two ways.
//
// The built app runs with the demo story, pinned to core 0 (bench/lib.js startDemoApp); the
// demo's next meeting is taken live by its chair, ten attendees ask a question each, and the
// meeting keeps the demo's rule (the room code). Debian's Chromium runs headless, pinned to core 1,
// driven by Playwright over the DevTools protocol. Each load is a new browser context (a first
// visit: empty cache, no cookies) with a phone's screen (412×823, as Lighthouse's mobile), and,
// when throttled, on its page's DevTools session:
//
//   Network.emulateNetworkConditions  DevTools' "Slow 3G" preset (Puppeteer's
//     PredefinedNetworkConditions['Slow 3G'] has the same figures): 50,000 bytes/s down and
//     50,000 up (400 kbit/s each way), latency 2,000 ms. The preset models a 400 ms round trip;
//     DevTools throttles requests, not packets, so it adds 5 × 400 ms once per request to stand
//     for the round trips (connection, TLS, request) a real phone pays on such a network.
//   Emulation.setCPUThrottlingRate    rate 4 (the page's main thread 4× slower).
//
// Each load is the attendee's: the address the screen's QR code carries, the live page with the
// room code (`…/live?code=…`: admitted and drawn at once; until 2026-12-06 the QR code carried
// `/join?code=…`, which admitted and then redirected). Times are from navigation start (the page's performance.timeOrigin, the
// redirect included), read in the page on the first frame rendered (requestAnimationFrame: styles
// loaded) where the thing is there:
//
//   list     — a question of the list is on screen (server-rendered: no JavaScript needed);
//   live     — the live connection has joined the meeting (the socket's `meeting:join`
//              acknowledged, seen by Playwright; from then on a vote goes over the socket);
//   vote     — the attendee taps Vote as soon as the page is live, and the button shows the vote
//              counted (aria-pressed): "the vote button works";
//   tap now  — another attendee (another load) taps Vote as soon as the button is on screen: before
//              the page is live the form posts and the page reloads with the vote counted (the
//              no-JavaScript path), so this is what an impatient tap costs.
//
// For the minutes (`csr = false`, no JavaScript): `content` (its h1 on screen) and `load`.
// Also printed: the bytes a load fetched over HTTP (the socket's frames not included) and a
// check that the CPU throttling took hold (a fixed loop, timed in the page after each load).
//
// BENCH_VIA=nginx puts deploy/nginx/openfloor.conf in front, as a real deployment serves a phone:
// HTTPS and HTTP/2 (the documented TLS lines, a self-signed certificate; Chromium ignores its
// errors), pages compressed by nginx. By default the browser talks to Node directly (HTTP/1.1,
// six connections, nothing compressed but the scripts): a group running the app without a proxy.
//
// Options (environment): BENCH_RUNS (loads of each kind per profile, default 5),
// BENCH_CHROMIUM_CORE (default 1; `none` leaves Chromium unpinned), BENCH_LATENCY (ms added per
// request when throttled, default 2000 as the preset; e.g. 400 to see what the round trips cost).
import os from 'node:os';
import { chromium } from '@playwright/test';
import { demoMeetingLive, sleep, startChromium } from './lib.js';
import { benchVia, startDemoSite } from './front-cache.js';

const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 5) || 5);
const chromiumCore =
	process.env.BENCH_CHROMIUM_CORE === 'none'
		? undefined
		: Number(process.env.BENCH_CHROMIUM_CORE ?? 1);
const target = 6000; // ms: "usable within 6 s" (issue 17)
const timeout = 90_000;
const latency = Number(process.env.BENCH_LATENCY ?? 2000);

/** DevTools' "Slow 3G" preset and a 4× slower CPU; the baseline emulates nothing. */
const profiles = [
	{ name: 'unthrottled', network: null, cpu: 1 },
	{
		name: 'Slow 3G + 4× CPU',
		network: {
			offline: false,
			downloadThroughput: 50_000,
			uploadThroughput: 50_000,
			latency
		},
		cpu: 4
	}
];

/**
 * Runs in every document of the page before its own scripts: records, in `window.__bench`, when
 * each thing was first on a rendered frame, in ms from the first document's navigation start
 * (kept in sessionStorage, so that the document a form post brings still counts from it).
 */
function recorder() {
	if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
	const origin = Number(sessionStorage.getItem('bench-origin')) || performance.timeOrigin;
	sessionStorage.setItem('bench-origin', String(origin));
	const now = () => performance.timeOrigin + performance.now() - origin;
	const tapped = sessionStorage.getItem('bench-tapped');
	const marks = { origin, ...(tapped ? { tapped: Number(tapped) } : {}) };
	Object.assign(window, { __bench: marks });
	const checks = {
		content: 'main h1',
		list: 'ol.questions li',
		button: 'ol.questions form[action="?/vote"] button',
		voted: 'ol.questions button[aria-pressed="true"]'
	};
	const frame = () => {
		for (const [name, selector] of Object.entries(checks)) {
			if (!(name in marks) && document.querySelector(selector)) marks[name] = now();
		}
		requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
	addEventListener('load', () => setTimeout(() => (marks.load = now())));
	addEventListener(
		'click',
		() => {
			if (marks.tapped) return;
			marks.tapped = now();
			sessionStorage.setItem('bench-tapped', String(marks.tapped));
		},
		true
	);
}

/** Polls the page's marks until `name` is there (across the reload a form post makes). */
async function until(page, name) {
	const deadline = Date.now() + timeout;
	while (Date.now() < deadline) {
		try {
			const marks = await page.evaluate(() => /** @type {any} */ (window).__bench);
			if (marks && name in marks) return marks;
		} catch {
			// between two documents
		}
		await sleep(50);
	}
	return null;
}

/**
 * A fixed loop (about 0.3 s unthrottled here), timed in the page: slower when the CPU throttling
 * holds. Not exactly 4×: Chromium's throttler is a budget of time, and the same loop run twice in
 * a row in a blank page came out 4× then 2.4–3× slower.
 */
const cpuCheck = (page) =>
	page.evaluate(() => {
		const start = performance.now();
		let x = 0;
		for (let i = 0; i < 3e7; i++) x = (x + i * 7) % 1009;
		return performance.now() - start + x * 0;
	});

/** A fresh attendee's page under `profile`, with what it fetches counted. */
async function openPage(browser, profile) {
	const context = await browser.newContext({
		viewport: { width: 412, height: 823 },
		deviceScaleFactor: 1.75,
		isMobile: true,
		hasTouch: true
	});
	await context.addInitScript(recorder);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
	const fetched = { bytes: 0, requests: 0 };
	cdp.on('Network.loadingFinished', (event) => {
		fetched.bytes += event.encodedDataLength;
		fetched.requests += 1;
	});
	let posted = false;
	page.on('request', (request) => {
		if (request.method() === 'POST') posted = true;
	});
	// The live connection's join acknowledged: an ack (`43/live,<id>[…]`) carrying the snapshot.
	let joinedAt = null;
	page.on('websocket', (ws) =>
		ws.on('framereceived', ({ payload }) => {
			const text = String(payload);
			if (joinedAt === null && text.startsWith('43/live,') && text.includes('"snapshot"')) {
				joinedAt = Date.now();
			}
		})
	);
	return {
		page,
		fetched,
		posted: () => posted,
		joinedAt: () => joinedAt,
		close: () => context.close()
	};
}

/** One attendee opening the QR code's address; `tap`: `live` (waits for it) or `now`. */
async function attend(browser, profile, url, tap) {
	const load = await openPage(browser, profile);
	const { page } = load;
	try {
		await page.goto(url, { waitUntil: 'commit', timeout });
		const shown = await until(page, 'button');
		if (!shown) return { timedOut: true };
		let live = null;
		if (tap === 'live') {
			const deadline = Date.now() + timeout;
			while (load.joinedAt() === null && Date.now() < deadline) await sleep(10);
			if (load.joinedAt() === null) return { ...shown, timedOut: true };
			live = load.joinedAt() - shown.origin;
		}
		await page.locator('ol.questions form[action="?/vote"] button').first().click({ timeout });
		const voted = await until(page, 'voted');
		const cpu = await cpuCheck(page);
		return {
			list: shown.list,
			live,
			tapped: voted?.tapped ?? null,
			voted: voted?.voted ?? null,
			via: load.posted() ? 'form post' : 'socket',
			...load.fetched,
			cpu
		};
	} finally {
		await load.close();
	}
}

/** A reader opening the minutes. */
async function read(browser, profile, url) {
	const load = await openPage(browser, profile);
	try {
		await load.page.goto(url, { waitUntil: 'load', timeout });
		const marks = await until(load.page, 'load');
		return {
			content: marks?.content ?? null,
			load: marks?.load ?? null,
			...load.fetched,
			cpu: await cpuCheck(load.page)
		};
	} finally {
		await load.close();
	}
}

const served = await startDemoSite(benchVia(), {
	env: { PARTICIPANTS_PER_CLIENT_HOUR: '1000000' }
});
const { app } = served;
/** Where the browser goes. */
const site = served.base;
const browserProcess = await startChromium({ core: chromiumCore, args: served.chromiumArgs });
const loadBefore = os.loadavg();
/** profile name → kind → rows */
const results = Object.fromEntries(
	profiles.map((p) => [p.name, { live: [], now: [], minutes: [] }])
);
try {
	const meeting = await demoMeetingLive(app.base);
	// As the screen draws it (routes/g/[group]/meetings/[n]/screen/+page.server.ts).
	const joinUrl = `${site}/g/${meeting.group}/meetings/${meeting.meeting}/live?code=${encodeURIComponent(meeting.roomCode)}`;
	const { items } = await meeting.chair.call('GET', `/api/v1/groups/${meeting.group}/meetings`);
	const minutes = Math.max(...items.filter((m) => m.state === 'closed').map((m) => m.number));
	const minutesUrl = `${site}/g/${meeting.group}/meetings/${minutes}/minutes`;
	const browser = await chromium.connectOverCDP(browserProcess.endpoint);
	// One warm-up load each way (the app's first renderings, Chromium's first contexts): not counted.
	for (const profile of profiles) {
		await attend(browser, profile, joinUrl, 'live');
		await read(browser, profile, minutesUrl);
	}
	for (let round = 0; round < runs; round++) {
		for (const profile of round % 2 ? profiles.toReversed() : profiles) {
			console.error(`round ${round + 1}/${runs}: ${profile.name}…`);
			const rows = results[profile.name];
			rows.live.push(await attend(browser, profile, joinUrl, 'live'));
			rows.now.push(await attend(browser, profile, joinUrl, 'now'));
			rows.minutes.push(await read(browser, profile, minutesUrl));
		}
	}
	const version = browser.version();
	await browser.close();
	report(joinUrl.replace(site, ''), minutesUrl.replace(site, ''), version);
} finally {
	await browserProcess.stop();
	await served.stop();
}

function quantile(values, which) {
	const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
	if (!sorted.length) return null;
	if (which === 'max') return sorted[sorted.length - 1];
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function report(joinPath, minutesPath, version) {
	const s = (ms) => (ms === null ? '—' : (ms / 1000).toFixed(2));
	const [base, slow] = profiles.map((p) => results[p.name]);
	const rows = [
		['live page: list visible', 'live', 'list'],
		['live page: live connection joined', 'live', 'live'],
		['live page: **vote works** (tap when live → counted)', 'live', 'voted'],
		['live page: tap at once → counted', 'now', 'voted'],
		['live page: … that tap happened at', 'now', 'tapped'],
		['minutes: content visible', 'minutes', 'content'],
		['minutes: load event', 'minutes', 'load']
	];
	console.log(
		`\nAn attendee on a slow phone — ${os.cpus().length} cores (${os.cpus()[0].model}), Node ${process.version}, Chromium ${version}; app on core 0, ${served.served}, Chromium on ${chromiumCore === undefined ? 'any core' : `core ${chromiumCore}`}; ${runs} loads of each kind per profile; load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')} before, ${os
			.loadavg()
			.map((n) => n.toFixed(2))
			.join(' ')} after`
	);
	console.log(
		`Live page opened from the QR code's address \`${joinPath}\`; minutes \`${minutesPath}\``
	);
	console.log(
		`Seconds from navigation start; Slow 3G = 400 kbit/s each way, ${latency.toLocaleString('en-GB')} ms per request\n`
	);
	console.log(
		`| measure | unthrottled median | max | ${profiles[1].name} median | max | ratio (medians) | ≤ 6 s throttled (median / max) |`
	);
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | :---: |');
	for (const [label, kind, key] of rows) {
		const b = base[kind].map((r) => r[key] ?? null);
		const t = slow[kind].map((r) => r[key] ?? null);
		const [bm, bx, tm, tx] = [
			quantile(b, 'median'),
			quantile(b, 'max'),
			quantile(t, 'median'),
			quantile(t, 'max')
		];
		const missing = t.filter((v) => v === null).length;
		const ratio = bm && tm ? (tm / bm).toFixed(1) : '—';
		const verdict = (ms) => (ms === null ? '—' : ms <= target ? 'yes' : 'no');
		const within = key === 'tapped' || key === 'load' ? '' : `${verdict(tm)} / ${verdict(tx)}`;
		console.log(
			`| ${label} | ${s(bm)} | ${s(bx)} | ${s(tm)} | ${s(tx)}${missing ? ` (${missing} timed out)` : ''} | ${ratio} | ${within} |`
		);
	}
	const kb = (rows) =>
		(
			quantile(
				rows.map((r) => r.bytes),
				'median'
			) / 1024
		).toFixed(1);
	const requests = (rows) =>
		quantile(
			rows.map((r) => r.requests),
			'median'
		);
	const cpu = (rows) =>
		quantile(
			rows.map((r) => r.cpu),
			'median'
		);
	const via = (rows) => {
		const counts = {};
		for (const r of rows) if (r.via) counts[r.via] = (counts[r.via] ?? 0) + 1;
		return Object.entries(counts)
			.map(([k, n]) => `${n}× ${k}`)
			.join(', ');
	};
	console.log('');
	for (const profile of profiles) {
		const r = results[profile.name];
		console.log(
			`${profile.name}: live page ${kb(r.live)} KB in ${requests(r.live)} requests (median), minutes ${kb(r.minutes)} KB in ${requests(r.minutes)}; taps when live went by ${via(r.live)}, taps at once by ${via(r.now)}; CPU check loop ${cpu([...r.live, ...r.now, ...r.minutes]).toFixed(0)} ms`
		);
	}
	const cpuRatio =
		cpu([...slow.live, ...slow.now, ...slow.minutes]) /
		cpu([...base.live, ...base.now, ...base.minutes]);
	console.log(
		`CPU check: the loop ran ${cpuRatio.toFixed(1)}× slower throttled (rate 4: up to 4×, see cpuCheck)`
	);
}
