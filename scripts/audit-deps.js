// `npm run audit:deps`: fails on a known high or critical vulnerability in what the app runs
// (`npm audit --omit=dev`). Where the registry's advisory service cannot be reached (some mirrors
// and proxies answer 405), it says so plainly and does not fail: it cannot know either way.
import { spawnSync } from 'node:child_process';

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
	encoding: 'utf8',
	timeout: 120_000
});
let report;
try {
	report = JSON.parse(result.stdout);
} catch {
	report = undefined;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
	const why = report?.message ?? result.error?.message ?? (result.stderr.trim() || 'no answer');
	console.warn(`audit:deps: NOT CHECKED — the advisory service could not be reached (${why}).`);
	process.exit(0);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
	if (v.severity === 'high' || v.severity === 'critical') {
		console.error(`audit:deps: ${v.severity}: ${name} ${v.range ?? ''}`);
	}
}
console.log(
	`audit:deps: ${counts.total ?? 0} known vulnerabilities in runtime dependencies, ${serious} high or critical.`
);
process.exit(serious > 0 ? 1 : 0);
