// Fails when the server code imports in a loop (type-only imports aside): the domain must not
// import the socket layer that calls it. Reads `src/lib/server` as text; no dependencies.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const lib = path.join(root, 'src/lib');
const start = path.join(lib, 'server');

function filesBelow(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return filesBelow(full);
		return /\.ts$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) ? [full] : [];
	});
}

/** The file an import names, or undefined for a package or a file outside src/lib/server. */
function resolve(from, specifier) {
	const base = specifier.startsWith('$lib/')
		? path.join(lib, specifier.slice(5))
		: specifier.startsWith('.')
			? path.resolve(path.dirname(from), specifier)
			: undefined;
	if (!base || !base.startsWith(start)) return undefined;
	return [base, `${base}.ts`, path.join(base, 'index.ts')].find(
		(file) => fs.existsSync(file) && fs.statSync(file).isFile()
	);
}

// `import x from '…'`, `import '…'`, `export … from '…'`; not `import type` / `export type`.
const importPattern = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

const graph = new Map();
for (const file of filesBelow(start)) {
	const text = fs.readFileSync(file, 'utf8');
	const targets = [...text.matchAll(importPattern)].map((m) => resolve(file, m[1]));
	graph.set(file, [...new Set(targets.filter(Boolean))]);
}

// Depth-first search; a file met again while still on the path closes a loop.
const done = new Set();
const loops = [];
function visit(file, trail) {
	const at = trail.indexOf(file);
	if (at >= 0) return void loops.push([...trail.slice(at), file]);
	if (done.has(file)) return;
	for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
	done.add(file);
}
for (const file of graph.keys()) visit(file, []);

if (loops.length) {
	for (const loop of loops) console.error(loop.map((f) => path.relative(start, f)).join(' → '));
	console.error(`${loops.length} import loop(s) in src/lib/server`);
	process.exit(1);
}
console.log(`No import loop in src/lib/server (${graph.size} files).`);
