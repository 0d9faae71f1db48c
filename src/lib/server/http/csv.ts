/** Flattens nested objects to dotted column names: `{ organisation: { name } }` → `organisation.name`. */
export function flatten(row: Record<string, unknown>, prefix = ''): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(row)) {
		const name = prefix ? `${prefix}.${key}` : key;
		if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
			Object.assign(out, flatten(value as Record<string, unknown>, name));
		} else {
			out[name] = value;
		}
	}
	return out;
}

function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text =
		value instanceof Date
			? value.toISOString()
			: Array.isArray(value)
				? JSON.stringify(value)
				: String(value);
	// Neutralise spreadsheet formulas (CSV injection), then quote when needed: `;` too, the cell
	// separator of many European spreadsheets, which would otherwise split a cell there.
	const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return /[",;\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * RFC 4180 CSV with a header row of every column any row has. Written here rather than with a
 * library: RFC 4180 quoting is the two lines of `cell`, and the formula neutralisation, which is
 * the part that matters, no CSV library does for us.
 */
export function toCsv(rows: Record<string, unknown>[]): string {
	const flat = rows.map((row) => flatten(row));
	const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))];
	const lines = [columns.map(cell).join(',')];
	for (const row of flat) lines.push(columns.map((c) => cell(row[c])).join(','));
	return lines.join('\r\n') + '\r\n';
}
