// The SMTP server of bench/notify.js, in a process of its own (the bench pins it to a core): a
// real `smtp-server` that accepts every message, reads it to its end and keeps only counts, the
// bytes received, and when the first and the last message arrived. Driven over IPC:
//   → { ready: port }          once it listens on 127.0.0.1
//   ← 'stats'                  → { stats: { count, bytes, connections, first, last } } (ms since the epoch)
//   ← 'reset'                  → { reset: true }, counts back to zero
import { SMTPServer } from 'smtp-server';

let count = 0;
let bytes = 0;
let connections = 0;
let first = null;
let last = null;

const server = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onConnect(session, callback) {
		connections++;
		callback();
	},
	onData(stream, session, callback) {
		let size = 0;
		stream.on('data', (chunk) => (size += chunk.length));
		stream.on('end', () => {
			const now = performance.timeOrigin + performance.now();
			count++;
			bytes += size;
			first ??= now;
			last = now;
			callback();
		});
	}
});

server.listen(0, '127.0.0.1', () => {
	process.send?.({ ready: server.server.address().port });
});

process.on('message', (message) => {
	if (message === 'stats') {
		process.send?.({ stats: { count, bytes, connections, first, last } });
	} else if (message === 'reset') {
		count = bytes = connections = 0;
		first = last = null;
		process.send?.({ reset: true });
	}
});
// The bench ends it with SIGTERM, or it goes with the bench's IPC channel (open SMTP
// connections are simply dropped).
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
