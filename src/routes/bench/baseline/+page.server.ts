import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { PageServerLoad } from './$types';

/**
 * The smallest page the app can serve (the site's layout and nothing else): the baseline the
 * page benchmarks (`npm run bench:pages`) compare against. It exists only when the app is
 * started with OPENFLOOR_BENCH=1.
 */
export const load: PageServerLoad = () => {
	if (env.OPENFLOOR_BENCH !== '1') error(404, 'Not found');
};
