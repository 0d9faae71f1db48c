// The log lines the server writes outside SvelteKit (start-up, errors that escaped a request), in
// the format LOG_FORMAT asks for, as src/lib/server/log.ts writes the app's: `text` (default) or
// `json` (one object per line).

/**
 * @param {'info' | 'error'} level
 * @param {string} msg
 * @param {Record<string, unknown>} [extra]
 */
export function logLine(level, msg, extra) {
	const time = new Date().toISOString();
	const line =
		process.env.LOG_FORMAT === 'json'
			? JSON.stringify({ time, level, msg, ...extra })
			: `${time} ${level} ${msg}${extra ? ` ${JSON.stringify(extra)}` : ''}`;
	(level === 'error' ? console.error : console.log)(line);
}
