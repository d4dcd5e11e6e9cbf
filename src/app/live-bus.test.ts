import { runLiveBusContract } from './live-bus.contract.ts';
import { createInProcessLiveBus } from './live-bus.ts';

runLiveBusContract('in-process', { open: async () => createInProcessLiveBus(), shared: false });
