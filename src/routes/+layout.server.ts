import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	user: locals.user
		? { displayName: locals.user.displayName, isSiteAdmin: locals.user.isSiteAdmin }
		: null
});
