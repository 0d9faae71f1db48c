/**
 * Form posts use dotted names (`organisation.name`) so that a field's name, its error's path and
 * the JSON API's shape are one and the same; this turns them back into nested objects.
 */
export function nestFields(values: Record<string, string>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(values)) {
		const parts = name.split('.');
		let target = out;
		for (const part of parts.slice(0, -1)) {
			const next = target[part];
			target = (next && typeof next === 'object' ? next : (target[part] = {})) as Record<
				string,
				unknown
			>;
		}
		target[parts[parts.length - 1]] = value;
	}
	return out;
}
