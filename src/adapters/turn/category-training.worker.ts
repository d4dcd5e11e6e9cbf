/**
 * The worker thread's side of category training: fit the model to the input it was started with
 * and hand the parameters back, transferring the large typed arrays instead of copying them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fitCategoryModel } from '../../core/triage/category/index.ts';
import { isTrainingRequest } from './category-training-messages.ts';

const request: unknown = workerData;
if (!parentPort) throw new Error('category training runs in a worker thread');
if (!isTrainingRequest(request)) throw new Error('category training needs { entry, input }');
const parameters = fitCategoryModel(request.input);
const buffers = [parameters.table, parameters.idf, parameters.bias]
  .map((array) => array.buffer)
  .filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
parentPort.postMessage(parameters, buffers);
