/** A CPU profile of part of a run, through the inspector (the .cpuprofile format DevTools opens). */
import { Session } from 'node:inspector/promises';

export const startCpuProfile = async () => {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(): Promise<unknown> {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      return profile;
    },
  };
};
