/**
 * The workspace's category model, retrained off the request path whenever its inputs (the policy's
 * category definitions, the knowledge articles, the labelled history) change. Turns keep using the
 * model they have until the new one is ready; only a turn that finds no model for the policy's
 * taxonomy at all (the first turn, or a policy that renamed categories) waits for a training —
 * and it waits on a worker thread, not with the process's event loop blocked.
 */
import type { CategoryModel, CategoryModelInput } from '../core/triage/index.ts';

export interface CategoryTrainer {
  train(input: CategoryModelInput): Promise<CategoryModel>;
}

/** What the model is trained on, and a key that changes exactly when that may have changed. */
export interface CategoryModelSource {
  key(): Promise<string>;
  input(): Promise<{ readonly key: string; readonly input: CategoryModelInput }>;
}

interface TrainedModel {
  readonly key: string;
  readonly names: readonly string[];
  readonly model: CategoryModel;
}

/** How long a burst of changes (an import, several confirmations) is given to gather before retraining. */
const RETRAIN_DEBOUNCE_MS = 250;

const sameNames = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((name, i) => name === b[i]);

export const createCategoryModelCache = (
  trainer: CategoryTrainer,
  source: CategoryModelSource,
  reportError: (error: unknown, context: Record<string, unknown>) => void,
) => {
  let ready: TrainedModel | null = null;
  let training: Promise<TrainedModel> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const train = (): Promise<TrainedModel> => {
    training ??= (async () => {
      const { key, input } = await source.input();
      const model = await trainer.train(input);
      const trained = { key, names: input.categories.map((category) => category.name), model };
      ready = trained;
      return trained;
    })().finally(() => {
      training = null;
    });
    return training;
  };

  /** Retrains in the background when the ready model no longer matches its inputs. */
  const refresh = async (): Promise<void> => {
    if (training) return;
    const key = await source.key();
    if (ready?.key === key || training) return;
    await train();
    // Inputs that changed while it trained are picked up by the next refresh.
    refreshSoon();
  };

  // A check already scheduled is not pushed back: under steady traffic a postponed check would never run.
  const refreshSoon = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      refresh().catch((error: unknown) => reportError(error, { during: 'category_training' }));
    }, RETRAIN_DEBOUNCE_MS);
    timer.unref();
  };

  return {
    refreshSoon,
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },

    /** A model for a policy with these category names: the newest ready one, or the one being trained. */
    async model(names: readonly string[]): Promise<CategoryModel> {
      const current = ready;
      if (current && sameNames(current.names, names)) {
        if (!training) refreshSoon();
        return current.model;
      }
      // The taxonomy changed while this was training: train once more for the new one.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const trained = await (training ?? train());
        if (sameNames(trained.names, names)) return trained.model;
      }
      throw new Error('The category model could not catch up with the policy’s categories; try again.');
    },

    /** Resolves once the ready model was trained on the current inputs (tests and benchmarks wait on it). */
    async settled(): Promise<void> {
      for (;;) {
        if (training) await training.catch(() => {});
        const key = await source.key();
        if (ready?.key === key) return;
        if (!training) await train();
      }
    },
  };
};
