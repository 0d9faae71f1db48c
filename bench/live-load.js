// The load generator of `npm run bench:live`, run on its own core by bench/live.js (taskset).
// Connects N attendees to /live over websockets (bench/live-client.js: the socket.io protocol,
// decoding only what it measures), has them vote at a steady rate, and measures
// vote-ack round trips and vote-to-visible latency over every (vote, observer) pair.
//
// One process cannot drive thousands of clients without its own event loop lagging (and then it
// measures itself), so this process only coordinates: it forks workers (which inherit its CPU
// affinity), each with a share of the clients and of the votes, starts them together, and merges
// their samples. Times are absolute (performance.timeOrigin + now), so a vote sent by one worker
// can be matched with a tally seen by another. The run is valid only if every worker's loop
// stayed under 20 ms at p99: the maximum is reported.
//
// Input: a JSON argument { urls, group, meeting, attendees, votesPerSecond, seconds, questions,
// workers? } (workers: LOAD_WORKERS, default 4). Output: one JSON line of figures on stdout.
import { fork } from 'node:child_process';
import readline from 'node:readline';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { LiveClient } from './live-client.js';

const config = JSON.parse(process.argv[2]);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Latencies are merged as histograms of 0.1 ms bins (every pair would be millions of numbers). */
const bin = (ms) => Math.round(Math.max(0, ms) * 10);

if (config.worker === undefined) await coordinate();
else await work();

async function coordinate() {
	const count = Math.max(
		1,
		Math.min(config.workers ?? Number(process.env.LOAD_WORKERS || 4), config.attendees)
	);
	const workers = Array.from({ length: count }, (_, worker) => {
		const child = fork(
			import.meta.filename,
			[JSON.stringify({ ...config, worker, workers: count })],
			{
				stdio: ['ignore', 'ignore', 'inherit', 'ipc']
			}
		);
		const inbox = [];
		const waiting = [];
		child.on('message', (message) =>
			waiting.length ? waiting.shift()(message) : inbox.push(message)
		);
		child.on('exit', (code) => {
			if (code !== 0) {
				console.error(`load worker ${worker} exited ${code}`);
				process.exit(1);
			}
		});
		const next = () =>
			inbox.length ? Promise.resolve(inbox.shift()) : new Promise((r) => waiting.push(r));
		return { child, next };
	});
	const all = (type) =>
		Promise.all(
			workers.map(async (w) => {
				const message = await w.next();
				if (message.type !== type) throw new Error(`expected ${type}, got ${message.type}`);
				return message;
			})
		);

	// Attendees join in two halves; after each, bench/live.js samples the servers' memory and
	// then says go (a line on stdin).
	const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
	const halves = await all('half');
	const half = halves.reduce((sum, m) => sum + m.attendees, 0);
	console.log(JSON.stringify({ joined: half }));
	await lines.next();
	for (const { child } of workers) child.send({ type: 'continue' });
	await all('ready');
	console.log(JSON.stringify({ joined: config.attendees }));
	await lines.next();
	const startAt = now() + 200;
	for (const { child } of workers) child.send({ type: 'start', startAt });
	const sent = await all('votes');
	const votes = sent.flatMap((m) => m.votes);
	const accepted = votes.filter((v) => v.ok).map((v) => [v.q, v.sentAt, v.count]);
	for (const { child } of workers) child.send({ type: 'match', accepted });
	const matched = await all('visible');
	for (const { child } of workers) child.send({ type: 'exit' });

	const acks = votes
		.filter((v) => v.ackAt !== null)
		.map((v) => v.ackAt - v.sentAt)
		.sort((a, b) => a - b);
	const histogram = new Map();
	for (const { hist } of matched) {
		for (const [b, n] of hist) histogram.set(b, (histogram.get(b) ?? 0) + n);
	}
	const bins = [...histogram].sort((a, b) => a[0] - b[0]);
	const pairs = bins.reduce((s, [, n]) => s + n, 0);
	const fromHistogram = (p) => {
		if (!pairs) return null;
		const rank = Math.min(pairs - 1, Math.floor((p / 100) * pairs));
		let seen = 0;
		for (const [b, n] of bins) {
			seen += n;
			if (seen > rank) return b / 10;
		}
		return null;
	};
	const percentile = (sorted, p) =>
		sorted.length
			? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
			: null;
	const finalCounts = matched.find((m) => m.finalCounts)?.finalCounts ?? {};
	console.log(
		JSON.stringify({
			attendees: sent.reduce((s, m) => s + m.attendees, 0),
			workers: count,
			votesSent: votes.length,
			votesAccepted: accepted.length,
			votesPerSecond: accepted.length / config.seconds,
			ackP50: percentile(acks, 50),
			ackP99: percentile(acks, 99),
			visibleP50: fromHistogram(50),
			visibleP95: fromHistogram(95),
			visibleP99: fromHistogram(99),
			observers: matched.reduce((s, m) => s + m.observers, 0),
			pairs,
			unseen: matched.reduce((s, m) => s + m.unseen, 0),
			finalCounts: Object.fromEntries(
				Object.entries(finalCounts).map(([q, n]) => [config.questions[q], n])
			),
			loopP99: Math.max(...sent.map((m) => m.loopP99)),
			loopP99s: sent.map((m) => Math.round(m.loopP99 * 10) / 10)
		})
	);
	process.exit(0);
}

async function work() {
	const { worker, workers, attendees, urls, questions, votesPerSecond, seconds } = config;
	const inbox = [];
	const waiting = [];
	process.on('message', (m) => (waiting.length ? waiting.shift()(m) : inbox.push(m)));
	const next = () =>
		inbox.length ? Promise.resolve(inbox.shift()) : new Promise((r) => waiting.push(r));
	const loop = monitorEventLoopDelay({ resolution: 5 });
	// Observers are a sample of at most 1,000 clients over all workers, to bound memory and time.
	const step = Math.max(1, Math.ceil(attendees / 1000));

	// This worker's clients: every `workers`-th attendee, starting at its own index.
	const clients = [];
	const batch = 100;
	const mine = [];
	for (let j = worker; j < attendees; j += workers) mine.push(j);
	const join = async (j) => {
		const url = urls[j % urls.length];
		// As a browser does: the live page's data gives it a participant token, then it connects.
		const page = await fetch(
			`${url}/g/${config.group}/meetings/${config.meeting}/live/__data.json`
		);
		await page.arrayBuffer();
		const cookie = page.headers
			.getSetCookie()
			.map((line) => line.split(';')[0])
			.find((pair) => pair.startsWith('participant='));
		if (!cookie) throw new Error(`no participant token issued (${page.status})`);
		const socket = await LiveClient.connect(`${url}/live`, cookie);
		// For each question (by index), the arrival times of the counts this client saw.
		const seen = new Map();
		const observer = j % step === 0;
		if (observer)
			socket.onTally = ({ counts }) => {
				const at = now();
				for (const [id, count] of Object.entries(counts)) {
					const q = questions.indexOf(id);
					let list = seen.get(q);
					if (!list) seen.set(q, (list = []));
					list.push([at, count]);
				}
			};
		const reply = await socket.request('meeting:join', {
			group: config.group,
			meeting: config.meeting
		});
		if (!reply.ok) throw new Error(reply.error.message);
		return { socket, seen, observer };
	};
	/** Connects and joins this worker's attendees from index `from` to `to`, a batch at a time. */
	const connect = async (from, to) => {
		for (let i = from; i < to; i += batch) {
			const joining = mine.slice(i, Math.min(i + batch, to)).map(join);
			clients.push(...(await Promise.all(joining)));
		}
	};
	const half = Math.ceil(mine.length / 2);
	await connect(0, half);
	process.send({ type: 'half', attendees: clients.length });
	await next(); // continue
	await connect(half, mine.length);
	process.send({ type: 'ready' });
	const { startAt } = await next();
	await sleep(startAt - now());
	loop.enable();

	// Vote i of the run is due at startAt + i / rate and sent by worker i mod workers. Each of
	// this worker's votes comes from a client that has not yet voted for that question, so every
	// vote counts: its k-th vote goes to question k mod Q from client floor(k / Q).
	const total = Math.round(votesPerSecond * seconds);
	const votes = [];
	let index = worker;
	let k = 0;
	await new Promise((resolve) => {
		const timer = setInterval(() => {
			const due = Math.min(total, Math.floor(((now() - startAt) / 1000) * votesPerSecond));
			while (index < due) {
				const q = k % questions.length;
				const client = clients[Math.floor(k / questions.length) % clients.length];
				index += workers;
				k++;
				const vote = { q, sentAt: now(), ackAt: null, count: null, ok: false };
				votes.push(vote);
				client.socket
					.request('question:vote', { questionId: questions[q], up: true })
					.then((reply) => {
						vote.ackAt = now();
						vote.ok = reply.ok;
						vote.count = reply.ok ? reply.voteCount : null;
					})
					.catch(() => {});
			}
			if (index >= total) {
				clearInterval(timer);
				resolve();
			}
		}, 5);
	});
	// Let the last acknowledgements and tallies arrive.
	await sleep(2000);
	loop.disable();
	const observers = clients.filter((c) => c.observer);
	process.send({
		type: 'votes',
		votes,
		attendees: clients.length,
		loopP99: loop.percentile(99) / 1e6
	});

	// Every accepted vote (from all workers) against this worker's observers. Counts only rise
	// (nobody takes a vote back here): the first tally that includes a vote is a binary search.
	const { accepted } = await next();
	const hist = new Map();
	let unseen = 0;
	for (const [q, sentAt, count] of accepted) {
		for (const { seen } of observers) {
			const list = seen.get(q) ?? [];
			let lo = 0;
			let hi = list.length;
			while (lo < hi) {
				const mid = (lo + hi) >> 1;
				if (list[mid][1] >= count) hi = mid;
				else lo = mid + 1;
			}
			if (lo === list.length) unseen++;
			else {
				const b = bin(list[lo][0] - sentAt);
				hist.set(b, (hist.get(b) ?? 0) + 1);
			}
		}
	}
	const first = observers[0];
	const finalCounts =
		worker === 0 && first
			? Object.fromEntries([...first.seen].map(([q, list]) => [q, list.at(-1)?.[1] ?? 0]))
			: null;
	process.send({
		type: 'visible',
		hist: [...hist],
		unseen,
		observers: observers.length,
		finalCounts
	});
	await next();
	for (const { socket } of clients) socket.disconnect();
	process.exit(0);
}
