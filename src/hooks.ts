import type { Reroute } from '@sveltejs/kit';

/**
 * `/api/v1/…/groups.csv` and `….json` reach the same endpoint; it reads the suffix from the URL.
 * The decision log's public key is served at its well-known address (a folder whose name starts
 * with a dot, which the TypeScript project would not see) by `/api/v1/log-key`.
 */
export const reroute: Reroute = ({ url }) => {
	if (url.pathname === '/.well-known/openfloor-log-key') return '/api/v1/log-key';
	if (url.pathname.startsWith('/api/') && /\.(json|csv)$/.test(url.pathname)) {
		return url.pathname.replace(/\.(json|csv)$/, '');
	}
};
