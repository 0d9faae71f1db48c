// Preloaded into the processes bench:live measures (`node --expose-gc --import ./bench/gc-on-signal.js`):
// SIGUSR2 runs a full garbage collection and writes process.memoryUsage() to
// $TMPDIR/openfloor-bench-memory-<pid>.json, so memory can be read without the garbage of the
// moment (what connections keep, not what joining them left behind). Never used in production.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.on('SIGUSR2', () => {
	globalThis.gc?.();
	const file = path.join(os.tmpdir(), `openfloor-bench-memory-${process.pid}.json`);
	fs.writeFileSync(file, JSON.stringify(process.memoryUsage()));
});
