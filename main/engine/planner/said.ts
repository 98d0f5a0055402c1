/** Small formatting helpers for replies. */
import { formatSeconds } from '../../../shared/draft';

export const seconds = (ms: number): string => formatSeconds(ms);
export const percent = (vol: number): string => `${Math.round(vol * 100)}%`;
