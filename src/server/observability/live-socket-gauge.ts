/**
 * Counts open live-update connections from the HTTP server's upgrade events, so the WebSocket
 * code stays unaware of metrics. A refused upgrade is closed at once and leaves the count as it was.
 */
import type { Server } from 'node:http';
import type { Gauge } from 'prom-client';

export const trackLiveSockets = (server: Server, gauge: Gauge): void => {
  server.on('upgrade', (_request, socket) => {
    gauge.inc();
    socket.once('close', () => gauge.dec());
  });
};
