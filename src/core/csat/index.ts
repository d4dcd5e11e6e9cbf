export { checkRating, type Rating } from './check-rating.ts';
export {
  type RatingEvent,
  type RatingRequest,
  type RatingStatus,
  ratingRequestFor,
  ratingStatusOf,
  ratingTargetFor,
} from './rating-request.ts';
