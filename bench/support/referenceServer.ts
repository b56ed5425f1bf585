/**
 * The benchmark's reference: the bare `@y/websocket-server` 0.1.1 relay on a plain `ws` server, in
 * memory (YPERSISTENCE unset, so its y-leveldb import stays unused), no auth, no durability.
 * Run as its own process by the benchmark; prints the address it listens on.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  console.log(`reference listening at http://127.0.0.1:${address.port}`);
});
const stop = () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
