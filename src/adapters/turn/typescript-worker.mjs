// Starts a worker thread whose module is TypeScript. Baton runs TypeScript through tsx, and tsx's
// loader does not reach new threads by itself (bin/baton.js registers it programmatically; vitest
// transforms only its own modules), so the thread registers it before importing its entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
