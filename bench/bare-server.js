// The baseline of `npm run bench:live`: a bare socket.io server — no database, no sessions, no
// validation — that counts votes in memory and broadcasts the same coalesced tallies.
import http from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2] ?? 4900);
const server = http.createServer((request, response) => {
	if (request.url === '/healthz') return response.end('{"status":"ok"}');
	// The live page's data, which gives an attendee its participant token (bench/live-load.js
	// asks for it before connecting, as browsers do).
	response.setHeader('set-cookie', 'participant=bare; Path=/; HttpOnly');
	response.end('{}');
});
// The same options as server.js, so the comparison is fair.
const io = new Server(server, {
	serveClient: false,
	perMessageDeflate: false,
	maxHttpBufferSize: 64 * 1024,
	connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 }
});
const votes = new Map();
let pending = null;

io.of('/live').on('connection', (socket) => {
	socket.conn.request = undefined; // as the app does
	socket.on('meeting:join', async (_payload, ack) => {
		await socket.join('meeting');
		ack({ ok: true, snapshot: { seq: 0 } });
	});
	socket.on('question:vote', ({ questionId }, ack) => {
		const voters = votes.get(questionId) ?? new Set();
		voters.add(socket.id);
		votes.set(questionId, voters);
		ack({ ok: true, questionId, voteCount: voters.size, voted: true });
		if (!pending) {
			pending = new Set();
			setTimeout(() => {
				const counts = Object.fromEntries([...pending].map((id) => [id, votes.get(id).size]));
				pending = null;
				io.of('/live').to('meeting').emit('tally', { seq: 0, counts });
			}, 50);
		}
		pending.add(questionId);
	});
});
server.listen(port, '127.0.0.1', () => console.log('ready'));
