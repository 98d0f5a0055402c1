/** Undo and redo ("undo that", "undo twice", "go back 2 steps", 撤销, 重做). */
import { hit, type Rule } from './rule';

function steps(text: string): number {
  if (/\btwice\b/.test(text)) return 2;
  if (/\bthrice\b/.test(text)) return 3;
  const n = /(\d+)\s*(?:times|steps?|changes|edits|moves|次|步)/.exec(text) ?? /last (\d+)\b/.exec(text);
  const value = n ? Number(n[1]) : 1;
  return Number.isInteger(value) && value >= 1 && value <= 50 ? value : 1;
}

const REDO = /\bredo\b|\bre-do\b|\bredo that\b|\bput it back\b|\bbring (?:it|that) back\b|重做|恢复刚才|恢复撤销|反撤销|取消撤销/;
const UNDO = /\bundo\b|\bun-do\b|\brevert\b|\bgo back\b|\bstep back\b|\btake (?:that|it) back\b|\broll ?back\b|\bcancel (?:that|the last (?:change|edit|step))\b|撤销|撤回|回退|返回上一步|上一步|退回/;

export const historyRule: Rule = (clause) => {
  const text = clause.text;
  if (REDO.test(text)) return hit([{ op: 'redo', steps: steps(text) }]);
  if (UNDO.test(text)) return hit([{ op: 'undo', steps: steps(text) }]);
  return undefined;
};
