// The load generator of `npm run bench:live`, run in its own process (and core) by bench/live.js.
// Connects N attendees to /live over websockets, has them vote at a steady rate, and measures
// vote-ack round trips and vote-to-visible latency over every (vote, observer) pair.
// Input: a JSON argument { urls, group, meeting, attendees, votesPerSecond, seconds, questions }.
// Output: one JSON line of figures on stdout.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const config = JSON.parse(process.argv[2]);
const { urls, attendees, votesPerSecond, seconds } = config;

const loop = monitorEventLoopDelay({ resolution: 5 });

function percentile(sorted, p) {
	if (!sorted.length) return null;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function connectAll() {
	const clients = [];
	const batch = 100;
	for (let i = 0; i < attendees; i += batch) {
		const group = [];
		for (let j = i; j < Math.min(attendees, i + batch); j++) {
			const socket = io(`${urls[j % urls.length]}/live`, {
				transports: ['websocket'],
				reconnection: false,
				forceNew: true
			});
			// For each question, the arrival times of the counts this client saw (a sample of
			// observers records them, to keep the load generator's own memory and time bounded).
			const seen = new Map();
			const observer = j % Math.max(1, Math.ceil(attendees / 1000)) === 0;
			if (observer)
				socket.on('tally', ({ counts }) => {
					const at = performance.now();
					for (const [id, count] of Object.entries(counts)) {
						let list = seen.get(id);
						if (!list) seen.set(id, (list = []));
						list.push([at, count]);
					}
				});
			group.push(
				new Promise((resolve, reject) => {
					socket.once('connect', async () => {
						const reply = await socket
							.timeout(30_000)
							.emitWithAck('meeting:join', { group: config.group, meeting: config.meeting });
						if (!reply.ok) return reject(new Error(reply.error.message));
						resolve({ socket, seen, observer });
					});
					socket.once('connect_error', reject);
				})
			);
		}
		clients.push(...(await Promise.all(group)));
	}
	return clients;
}

const clients = await connectAll();
await new Promise((r) => setTimeout(r, 1000));
loop.enable();

// Each attendee votes once per question at most, so every vote counts: attendee i votes for
// question (k mod Q) on its k-th turn; a new attendee each time.
const votes = [];
const total = Math.round(votesPerSecond * seconds);
const questions = config.questions;
const started = performance.now();
let sent = 0;
await new Promise((resolve) => {
	const timer = setInterval(() => {
		const due = Math.min(
			total,
			Math.floor(((performance.now() - started) / 1000) * votesPerSecond)
		);
		while (sent < due) {
			const index = sent++;
			const client = clients[Math.floor(index / questions.length) % clients.length];
			const questionId = questions[index % questions.length];
			const vote = { questionId, sentAt: performance.now(), ackAt: null, count: null, ok: false };
			votes.push(vote);
			client.socket
				.timeout(30_000)
				.emitWithAck('question:vote', { questionId, up: true })
				.then((reply) => {
					vote.ackAt = performance.now();
					vote.ok = reply.ok;
					vote.count = reply.ok ? reply.voteCount : null;
				})
				.catch(() => {});
		}
		if (sent >= total) {
			clearInterval(timer);
			resolve();
		}
	}, 5);
});
// Let the last acknowledgements and tallies arrive.
await new Promise((r) => setTimeout(r, 2000));
loop.disable();

const acks = votes
	.filter((v) => v.ackAt !== null)
	.map((v) => v.ackAt - v.sentAt)
	.sort((a, b) => a - b);
const visible = [];
let unseen = 0;
const observers = clients.filter((c) => c.observer);
for (const vote of votes) {
	if (!vote.ok) continue;
	for (const { seen } of observers) {
		// Counts only rise (nobody takes a vote back here): the first tally whose count includes
		// this vote is found by binary search.
		const list = seen.get(vote.questionId) ?? [];
		let lo = 0;
		let hi = list.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (list[mid][1] >= vote.count) hi = mid;
			else lo = mid + 1;
		}
		if (lo === list.length) unseen++;
		else visible.push(Math.max(0, list[lo][0] - vote.sentAt));
	}
}
visible.sort((a, b) => a - b);
const finalCounts = {};
for (const { seen } of observers.slice(0, 1)) {
	for (const [id, list] of seen) finalCounts[id] = list.at(-1)?.[1] ?? 0;
}
for (const { socket } of clients) socket.disconnect();

console.log(
	JSON.stringify({
		attendees: clients.length,
		votesSent: votes.length,
		votesAccepted: votes.filter((v) => v.ok).length,
		votesPerSecond: votes.filter((v) => v.ok).length / seconds,
		ackP50: percentile(acks, 50),
		ackP99: percentile(acks, 99),
		visibleP50: percentile(visible, 50),
		visibleP95: percentile(visible, 95),
		visibleP99: percentile(visible, 99),
		observers: observers.length,
		pairs: visible.length,
		unseen,
		finalCounts,
		loopP99: loop.percentile(99) / 1e6
	})
);
process.exit(0);
