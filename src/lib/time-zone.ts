/**
 * Local wall-clock time in an IANA zone ⇄ UTC, with Intl only. Forms take a meeting's start and
 * end as `YYYY-MM-DDTHH:mm` in the group's zone (what `<input type="datetime-local">` sends);
 * the database stores UTC.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string) {
	let formatter = formatters.get(zone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(zone, formatter);
	}
	return formatter;
}

type Fields = { year: number; month: number; day: number; hour: number; minute: number };

function fieldsAt(ms: number, zone: string): Fields & { second: number } {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(zone).formatToParts(new Date(ms))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second
	};
}

/** The zone's offset from UTC at an instant, in milliseconds (Europe/London in summer: +3 600 000). */
export function offsetAt(ms: number, zone: string): number {
	const f = fieldsAt(ms, zone);
	const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
	return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

export function parseLocal(value: string): Fields | undefined {
	const m = localPattern.exec(value.trim());
	if (!m) return undefined;
	const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
	const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59
	) {
		return undefined;
	}
	return { year, month, day, hour, minute };
}

export type LocalToUtc =
	{ ok: true; date: Date; ambiguous: boolean } | { ok: false; reason: 'format' | 'nonexistent' };

/**
 * The instant a local time names in `zone`. A time the clocks skip (the spring gap) does not
 * exist: it is refused rather than guessed. A time that happens twice (the autumn overlap) is
 * taken as its first occurrence, the one before the clocks go back, and flagged `ambiguous`.
 */
export function localToUtc(value: string, zone: string): LocalToUtc {
	const local = parseLocal(value);
	if (!local) return { ok: false, reason: 'format' };
	const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
	// Offsets in force around that day; a zone changes offset at most once in a few hours.
	const offsets = new Set([-1, 0, 1].map((days) => offsetAt(naive + days * 86_400_000, zone)));
	const matches = [...offsets]
		.map((offset) => naive - offset)
		.filter((ms) => {
			const f = fieldsAt(ms, zone);
			return (
				f.year === local.year &&
				f.month === local.month &&
				f.day === local.day &&
				f.hour === local.hour &&
				f.minute === local.minute
			);
		})
		.sort((a, b) => a - b);
	if (matches.length === 0) return { ok: false, reason: 'nonexistent' };
	return { ok: true, date: new Date(matches[0]), ambiguous: matches.length > 1 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as `YYYY-MM-DDTHH:mm` in `zone`: the value for a datetime-local input. */
export function utcToLocal(date: Date, zone: string): string {
	const f = fieldsAt(date.getTime(), zone);
	return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}
