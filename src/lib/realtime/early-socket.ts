/**
 * The live connection opened while the page's scripts are still loading.
 *
 * On a slow network every request costs its round trips, and the live page's chain was three of
 * them in a row: the page, then its scripts, then (once they ran) the websocket's handshake. A
 * small script in the head of a page that names `earlySocketMeta` (`early-socket-head.js`, put
 * there by the server) opens the websocket as the page arrives, so its handshake runs beside the
 * scripts' download, and keeps what the server sends until the page's socket.io client takes the
 * connection over (`EarlyWebSocket`, early-transport.ts). Not taken within `earlySocketWaitMs`,
 * it is closed: the client opens its own as before. Nothing else differs: the same address, the
 * same cookies, the same server.
 * docs/performance.md ("An attendee on a slow phone") has the figures.
 */
export const earlySocketMeta = 'openfloor-early-socket';

/** The engine.io address socket.io's client opens first (its default path, websocket first). */
export const earlySocketPath = '/socket.io/?EIO=4&transport=websocket';

/** How long the head's script keeps an unclaimed connection (the scripts on a very slow network). */
export const earlySocketWaitMs = 30_000;
