// Run in the head of a page that names an early socket (src/lib/realtime/early-socket.ts): opens
// the websocket now, beside the scripts' download, and keeps what arrives until they take it over.
// Inserted by src/lib/server/http/early-socket.ts; allowed by its hash (svelte.config.js).
(function () {
	/** @type {HTMLMetaElement | null} */
	var meta = document.querySelector('meta[name="openfloor-early-socket"]');
	if (!meta || typeof WebSocket !== 'function') return;
	var url = new URL(meta.content, location.href);
	url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
	var ws = new WebSocket(url.href);
	/** @type {unknown[]} */
	var received = [];
	/** @param {MessageEvent} event */
	var keep = function (event) {
		received.push(event.data);
	};
	var early = { ws: ws, received: received, keep: keep };
	ws.binaryType = 'arraybuffer';
	ws.addEventListener('message', keep);
	window.__openfloorEarlySocket = early;
	setTimeout(function () {
		if (window.__openfloorEarlySocket !== early) return;
		window.__openfloorEarlySocket = undefined;
		ws.close();
	}, Number(meta.dataset.waitMs));
})();
