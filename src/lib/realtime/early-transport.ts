import { WebSocket as BrowserWebSocket, XHR } from 'engine.io-client';

// The live connection the page's head opened early, taken over: see early-socket.ts.

type EarlySocket = NonNullable<Window['__openfloorEarlySocket']>;

/** The head's connection, if it is for `uri` and still usable; taken at most once. */
function takeEarlySocket(uri: string): EarlySocket | undefined {
	const early = window.__openfloorEarlySocket;
	if (!early) return undefined;
	window.__openfloorEarlySocket = undefined;
	early.ws.removeEventListener('message', early.keep);
	const usable =
		early.ws.url === new URL(uri).href &&
		(early.ws.readyState === WebSocket.CONNECTING || early.ws.readyState === WebSocket.OPEN);
	if (usable) return early;
	early.ws.close();
	return undefined;
}

/**
 * engine.io's websocket transport, starting from the head's connection when there is one. The
 * transport sets its own handlers on it; what arrived before (the engine's open packet, perhaps a
 * ping) is handed on in order once the engine listens, which is after `open()` returns and
 * before any later message's event can run (a microtask).
 */
export class EarlyWebSocket extends BrowserWebSocket {
	#received: unknown[] | undefined;

	createSocket(
		uri: string,
		protocols: string | string[] | undefined,
		opts: Record<string, unknown>
	) {
		const early = takeEarlySocket(uri);
		if (!early) return super.createSocket(uri, protocols, opts);
		this.#received = early.received;
		return early.ws;
	}

	doOpen() {
		super.doOpen();
		const received = this.#received;
		this.#received = undefined;
		// Still connecting, the connection's own events reach the transport as they would have.
		if (!received || this.ws?.readyState !== WebSocket.OPEN) return this;
		queueMicrotask(() => {
			if (this.ws?.readyState !== WebSocket.OPEN) return; // closed since: its close event said so
			this.onOpen();
			for (const data of received) this.onData(data as string);
		});
		return this;
	}
}

/** The browser's transports: the early websocket first, long-polling where websockets fail. */
export const browserTransports = [EarlyWebSocket, XHR];
