import type { Server } from 'socket.io';

/** The socket.io server created by server.js (production) or the Vite plugin (development). */
export function socketServer(): Server | undefined {
	return (globalThis as { openfloorSocketServer?: Server }).openfloorSocketServer;
}
