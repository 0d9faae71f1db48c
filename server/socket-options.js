// The socket.io server's options: one set for production (server.js) and for the Vite dev and
// preview servers (vite.config.ts), so development behaves as production does.

/** @type {Partial<import('socket.io').ServerOptions>} */
export const socketOptions = {
	serveClient: false,
	// Memory per connection: no compression context per websocket (engine.io's default, stated
	// so it stays off) and a 64 KB cap on a request (a question is at most 500 characters; the
	// default is 1 MB). Long-polling responses stay compressed: snapshots can be large.
	perMessageDeflate: false,
	maxHttpBufferSize: 64 * 1024,
	// Clients resync from a snapshot after a gap; recovery makes short gaps cheaper.
	connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 }
};
