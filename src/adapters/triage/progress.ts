/** Progress of a long `baton triage` run on stderr: a bar on a terminal, periodic lines otherwise. */
import type { SingleBar } from 'cli-progress';

export interface TriageProgress {
  tick(processed: number): void;
  /** `cpuSeconds`: user + system CPU time of the whole process, start-up and training included. */
  finish(processed: number, errors: number, seconds: number, cpuSeconds: number): void;
}

/**
 * A reporter that stays silent for small runs (under `quietBelow` lines). The bar's package is
 * loaded only when the stream is a terminal: loading it was about 20 ms of every start, and
 * triage's output usually goes to a file or a pipe.
 */
export const createTriageProgress = async (
  stream: NodeJS.WriteStream,
  quietBelow = 2_000,
): Promise<TriageProgress> => {
  const cliProgress = stream.isTTY ? (await import('cli-progress')).default : null;
  let bar: SingleBar | null = null;
  let lastLine = 0;
  return {
    tick(processed) {
      if (processed < quietBelow) return;
      if (cliProgress) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            { stream, format: 'triage {value} conversations', fps: 5 },
            cliProgress.Presets.shades_classic,
          );
          bar.start(0, processed);
        }
        bar.update(processed);
        return;
      }
      if (processed - lastLine >= 10_000) {
        lastLine = processed;
        stream.write(`triage: ${processed} conversations\n`);
      }
    },
    finish(processed, errors, seconds, cpuSeconds) {
      bar?.stop();
      if (processed < quietBelow && errors === 0) return;
      const rate = seconds > 0 ? Math.round(processed / seconds) : processed;
      stream.write(
        `triage: ${processed} conversations, ${errors} error lines, ${seconds.toFixed(1)} s (${rate}/s), process CPU ${cpuSeconds.toFixed(2)} s\n`,
      );
    },
  };
};
