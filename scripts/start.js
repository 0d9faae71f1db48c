// npm start [-- --demo]: builds when the sources are newer than the build, applies migrations,
// optionally loads the demo story, and starts Openfloor (server.js).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const demo = process.argv.includes('--demo');

function newest(dir) {
	let latest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile()) {
			latest = Math.max(latest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
		}
	}
	return latest;
}

function run(label, args) {
	const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`Openfloor: ${label} failed.`);
		process.exit(result.status ?? 1);
	}
}

const stamp = path.join(root, 'build', 'handler.js');
const sources = Math.max(
	newest(path.join(root, 'src')),
	newest(path.join(root, 'static')),
	fs.statSync(path.join(root, 'package.json')).mtimeMs,
	fs.statSync(path.join(root, 'svelte.config.js')).mtimeMs,
	fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs
);
if (!fs.existsSync(stamp) || fs.statSync(stamp).mtimeMs < sources) {
	console.log('Openfloor: building…');
	run('the build', [
		path.join(root, 'node_modules/vite/bin/vite.js'),
		'build',
		'--logLevel',
		'warn'
	]);
}

if (demo) {
	run('loading the demo', [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/demo.ts']);
}

await import('../server.js');
