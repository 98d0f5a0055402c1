/** Small formatting helpers for replies. */
import { formatSeconds, type TextPosition } from '../../../shared/draft';

export const seconds = (ms: number): string => formatSeconds(ms);
export const percent = (vol: number): string => `${Math.round(vol * 100)}%`;

/** Text positions in Chinese replies. */
export const POS_ZH: Record<TextPosition, string> = {
  top: '顶部',
  center: '中间',
  bottom: '底部',
  'top-left': '左上角',
  'top-right': '右上角',
  'bottom-left': '左下角',
  'bottom-right': '右下角',
};
