export type { BusinessHours } from './business-hours.ts';
export {
  describeOpening,
  isOpen,
  isValidTimeZone,
  nextOpening,
  zonedInstant,
  zonedParts,
} from './business-hours.ts';
export type { RoundedWait } from './round-wait.ts';
export { roundWait } from './round-wait.ts';
export type {
  LiveQueueSnapshot,
  QueueSnapshot,
  SimpleQueueSnapshot,
  WaitEstimate,
  WaitEstimateInput,
} from './wait-estimate.ts';
export { estimateWait, predictWaitMinutes, promisedMinutes, toLiveSnapshot } from './wait-estimate.ts';
