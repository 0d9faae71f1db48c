/**
 * How a domain function computes what every reader of a page sees alike: the routes pass one
 * that shares it between readers while nothing public changed (public-cache/shared-data.ts);
 * anywhere else (tests, the API, transactions) it is simply computed.
 */
export type Share = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

export const computeNow: Share = (_key, compute) => compute();
