/**
 * Trains category models off the request path: each training runs in its own worker thread
 * (0.8–5 s of CPU that would otherwise block every request of the process), and the thread ends
 * with it. Retraining is rare — a confirmed category, an article or taxonomy edit — so a fresh
 * thread per training costs little and nothing lingers between trainings.
 */
import { Worker } from 'node:worker_threads';
import type { CategoryTrainer } from '../../app/workspace-triage.ts';
import {
  type CategoryModel,
  categoryModelFrom,
  trainCategoryModel,
} from '../../core/triage/category/index.ts';
import { isModelParameters, type TrainingRequest } from './category-training-messages.ts';

const bootstrap = new URL('./typescript-worker.mjs', import.meta.url);
const entry = new URL('./category-training.worker.ts', import.meta.url).href;

export const workerCategoryTrainer: CategoryTrainer = {
  train: (input) =>
    new Promise<CategoryModel>((resolve, reject) => {
      const workerData: TrainingRequest = { entry, input };
      const worker = new Worker(bootstrap, { workerData });
      // A training still running must not keep a finished process (or test run) alive.
      worker.unref();
      let settled = false;
      worker.once('message', (message: unknown) => {
        settled = true;
        if (isModelParameters(message)) resolve(categoryModelFrom(message));
        else reject(new Error('the training thread sent something that is not a category model'));
      });
      worker.once('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`the training thread stopped (exit code ${code}) before it finished`));
      });
    }),
};

/** Trains on the calling thread: for tools that have nothing else to do meanwhile (and tests of the caches). */
export const inThreadCategoryTrainer: CategoryTrainer = {
  train: async (input) => trainCategoryModel(input),
};
