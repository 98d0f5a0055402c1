import { describe, expect, it } from 'vitest';
import { appError } from '../../../shared/errors';
import { cliErrorLine } from '../../../main/cli/cli-error';
import { createReporter } from '../../../main/cli/reporter';

function capture(isTTY: boolean): { out: string[]; stream: { write: (t: string) => void; isTTY: boolean } } {
  const out: string[] = [];
  return { out, stream: { write: (t: string) => void out.push(t), isTTY } };
}

describe('reporter', () => {
  it('prints plain lines, thinned to 10 % steps, when stderr is not a terminal', () => {
    const { out, stream } = capture(false);
    const r = createReporter(stream);
    for (const pct of [0, 3, 9, 10, 55, 58, 100]) r.progress('Uploading a.mp4', pct);
    r.line('done');
    expect(out.join('')).toBe('Uploading a.mp4: 0%\nUploading a.mp4: 10%\nUploading a.mp4: 55%\nUploading a.mp4: 100%\ndone\n');
  });
  it('rewrites one line in a terminal', () => {
    const { out, stream } = capture(true);
    const r = createReporter(stream);
    r.progress('Rendering', 10);
    r.progress('Rendering', 20);
    r.line('Saved');
    expect(out.join('')).toBe('\r\u001b[2KRendering: 10%\r\u001b[2KRendering: 20%\nSaved\n');
  });
});

describe('cliErrorLine', () => {
  it('is one line with the action link and without tokens', () => {
    const err = appError('credits.insufficient', 'Out of credits\nfor nmv_usr_abcdefghijklmnop', { kind: 'link', label: 'Register', url: 'https://nemovideo.com/register?bind=anon_1' });
    expect(cliErrorLine(err)).toBe('error: Out of credits for [redacted] Register: https://nemovideo.com/register?bind=anon_1');
    expect(cliErrorLine(new Error('boom\n    at foo (x.ts:1:1)'))).toBe('error: Something went wrong. Please try again.');
  });
});
