import type { ParamMatcher } from '@sveltejs/kit';

/** A positive whole number such as a meeting's number (so `3.ics` is not taken for a meeting). */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,8}$/.test(param);
