import type { Reroute } from '@sveltejs/kit';

/** `/api/v1/…/groups.csv` and `….json` reach the same endpoint; it reads the suffix from the URL. */
export const reroute: Reroute = ({ url }) => {
	if (url.pathname.startsWith('/api/') && /\.(json|csv)$/.test(url.pathname)) {
		return url.pathname.replace(/\.(json|csv)$/, '');
	}
};
