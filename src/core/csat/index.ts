export { checkRating, type Rating } from './check-rating.ts';
export { type RatingEvent, type RatingRequest, ratingRequestFor, ratingTargetFor } from './rating-request.ts';
