// A minimal socket.io client for the load generator: the socket.io protocol (engine.io 4 over
// one websocket) with only what an attendee does — join the namespace, requests with
// acknowledgements, answering pings — and broadcasts skipped unless the client observes tallies.
// The server sees an ordinary socket.io websocket client and does the same work for it;
// the generator spends its core sending and timing instead of decoding thousands of tallies.
// (socket.io-client decodes and dispatches every packet on every connection.)
import WebSocket from 'ws';

const OPEN = 0x30; // engine.io '0'
const PING = 0x32; // engine.io '2'
const MESSAGE = 0x34; // engine.io '4'
const CONNECT = 0x30; // socket.io '0'
const EVENT = 0x32; // socket.io '2'
const ACK = 0x33; // socket.io '3'
const CONNECT_ERROR = 0x34; // socket.io '4'

export class LiveClient {
	#ws;
	#namespace;
	#acks = new Map();
	#nextId = 0;
	/** Called with the payload of every `tally` when set (observers). */
	onTally = null;

	/**
	 * Resolves once the client has joined the namespace of `url` (e.g. http://host:port/live),
	 * sending `cookie` with the handshake (the participant token a page load gave the browser).
	 */
	static connect(url, cookie = '', timeoutMs = 30_000) {
		return new Promise((resolve, reject) => {
			const client = new LiveClient(url, cookie, resolve, reject);
			setTimeout(() => reject(new Error('connect timed out')), timeoutMs).unref();
			return client;
		});
	}

	constructor(url, cookie, onConnect, onError) {
		const target = new URL(url);
		this.#namespace = target.pathname;
		this.#ws = new WebSocket(`ws://${target.host}/socket.io/?EIO=4&transport=websocket`, {
			perMessageDeflate: false,
			skipUTF8Validation: true,
			headers: cookie ? { cookie } : {}
		});
		this.#ws.on('error', onError);
		this.#ws.on('message', (data) => {
			const kind = data[0];
			if (kind === PING) return this.#ws.send('3');
			if (kind === OPEN) return this.#ws.send(`40${this.#namespace},`);
			if (kind !== MESSAGE) return;
			const type = data[1];
			if (type === EVENT) {
				if (!this.onTally) return; // a broadcast this client does not look at
				const text = data.toString();
				const [event, payload] = JSON.parse(text.slice(text.indexOf('[')));
				if (event === 'tally') this.onTally(payload);
			} else if (type === ACK) {
				const text = data.toString();
				const comma = text.indexOf(',');
				const bracket = text.indexOf('[', comma);
				const id = Number(text.slice(comma + 1, bracket));
				const settle = this.#acks.get(id);
				this.#acks.delete(id);
				settle?.(JSON.parse(text.slice(bracket))[0]);
			} else if (type === CONNECT) onConnect(this);
			else if (type === CONNECT_ERROR) onError(new Error(data.toString()));
		});
	}

	/** Sends a request and resolves with its acknowledgement (rejects after `timeoutMs`). */
	request(event, payload, timeoutMs = 30_000) {
		const id = this.#nextId++;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.#acks.delete(id);
				reject(new Error(`${event} timed out`));
			}, timeoutMs);
			this.#acks.set(id, (reply) => {
				clearTimeout(timer);
				resolve(reply);
			});
			this.#ws.send(`42${this.#namespace},${id}${JSON.stringify([event, payload])}`);
		});
	}

	disconnect() {
		this.#ws.close();
	}
}
