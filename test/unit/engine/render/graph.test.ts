import { describe, expect, it } from 'vitest';
import type { LocalDraft } from '../../../../shared/draft';
import { AppError } from '../../../../shared/errors';
import { buildRenderCommand } from '../../../../main/engine/render/graph';
import type { MediaRecord, RenderRequest } from '../../../../main/engine/types';

const record = (id: string, path: string, fields: Partial<MediaRecord>): MediaRecord => ({
  id, name: path.split('/').pop() ?? id, kind: 'video', path, size: 1, durationMs: 10000, width: 1920, height: 1080, fps: 30, rotation: 0, hasAudio: true, createdAt: 0, ...fields,
});

const media = new Map<string, MediaRecord>([
  ['med_1', record('med_1', '/m/clip1.mp4', {})],
  ['med_2', record('med_2', '/m/photo.jpg', { kind: 'image', durationMs: 0, width: 4000, height: 3000, fps: 0, hasAudio: false })],
  ['med_3', record('med_3', '/m/screen.mp4', { width: 1280, height: 720, hasAudio: false })],
  ['med_9', record('med_9', '/m/song.mp3', { kind: 'audio', durationMs: 60000, width: 0, height: 0, fps: 0 })],
]);

/** Clip with sound, a still with a fade into it, a silent clip at 2x after a cut, a title and ducked music. */
const promo: LocalDraft = {
  d: 9200,
  m: { title: 'Promo', width: 1920, height: 1080, fps: 30 },
  t: [
    {
      id: 'v1', tt: 0, sg: [
        { id: 's1', s: 0, d: 4000, m: { src: 'med_1', name: 'clip1.mp4', kind: 'video', in: 1000 } },
        { id: 's2', s: 3200, d: 3000, m: { src: 'med_2', name: 'photo.jpg', kind: 'image', in: 0, fit: 'contain', tr: { type: 'fade', d: 800 } } },
        { id: 's3', s: 6200, d: 3000, m: { src: 'med_3', name: 'screen.mp4', kind: 'video', in: 0, speed: 2 } },
      ],
    },
    { id: 'a1', tt: 1, sg: [{ id: 's9', s: 0, d: 9200, m: { src: 'med_9', name: 'song.mp3', in: 0, vol: 0.35, fadeIn: 500, fadeOut: 2000, duck: true } }] },
    { id: 'x1', tt: 7, sg: [{ id: 's10', s: 0, d: 3000, m: { text: 'Spring Sale', pos: 'center', role: 'title' } }] },
  ],
};

const req = (draft: LocalDraft, extra: Partial<RenderRequest> = {}): RenderRequest => ({ draft, media, outPath: '/out/promo.mp4', workDir: '/tmp/w', ...extra });
const full = { hasXfade: true, hasSidechaincompress: true };
const env = { fontFile: '/f/DejaVuSans-Bold.ttf', preparedStills: new Map<string, string>() };

function graphOf(args: string[]): string[] {
  const i = args.indexOf('-filter_complex');
  expect(i).toBeGreaterThan(-1);
  return args[i + 1]!.split(';');
}

function inputsOf(args: string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  const start = args.indexOf('-nostats') + 1;
  for (let i = start; i < args.indexOf('-filter_complex'); i += 1) {
    current.push(args[i]!);
    if (args[i] === '-i') {
      current.push(args[i + 1]!);
      out.push(current);
      current = [];
      i += 1;
    }
  }
  return out;
}

describe('buildRenderCommand: one ffmpeg run for a whole draft', () => {
  const { args, durationMs } = buildRenderCommand(req(promo), full, env);
  const graph = graphOf(args);

  it('opens each source once: clips seeked and limited, the still as a single frame, the music for its slot', () => {
    expect(inputsOf(args)).toEqual([
      ['-ss', '1', '-t', '4.067', '-i', '/m/clip1.mp4'],
      ['-i', '/m/photo.jpg'],
      ['-t', '6.067', '-i', '/m/screen.mp4'],
      ['-t', '9.2', '-i', '/m/song.mp3'],
    ]);
    expect(args).not.toContain('-loop');
    expect(durationMs).toBe(9200);
  });

  it('holds a still by fitting it once and repeating that frame for its duration', () => {
    expect(graph).toContain('[1:v]scale=1440:1080,pad=1920:1080:240:0:black,setsar=1,format=yuv420p,loop=loop=89:size=1:start=0,setpts=N/(30*TB),fps=30[w1]');
  });

  it('trims, speeds up and paces clips, dropping surplus frames before scaling', () => {
    expect(graph[0]).toBe('[0:v]setpts=PTS-STARTPTS,fps=30,setsar=1,format=yuv420p,tpad=stop_mode=clone:stop_duration=0.067,trim=end_frame=120[w0]');
    expect(graph).toContain('[2:v]setpts=(PTS-STARTPTS)/2,fps=30,scale=1920:1080,setsar=1,format=yuv420p,tpad=stop_mode=clone:stop_duration=0.067,trim=end_frame=90[w2b]');
  });

  it('blends only inside the transition window, cut frame-exactly from the frame grid, and concatenates once', () => {
    // s1 is frames 0–120, s2 frames 96–186 (it starts 0.8 s before s1 ends), s3 frames 186–276 after a cut.
    expect(graph).toContain('[w0]split=2[w0bs][w0ts]');
    expect(graph).toContain('[w0bs]trim=start_frame=0:end_frame=96,setpts=PTS-STARTPTS[w0b]');
    expect(graph).toContain('[w0ts]trim=start_frame=96:end_frame=120,setpts=PTS-STARTPTS[w0t]');
    expect(graph).toContain('[w1hs]trim=start_frame=0:end_frame=24,setpts=PTS-STARTPTS[w1h]');
    expect(graph).toContain('[w1bs]trim=start_frame=24:end_frame=90,setpts=PTS-STARTPTS[w1b]');
    expect(graph).toContain('[w0t][w1h]xfade=transition=fade:duration=0.8:offset=0[wj1]');
    expect(graph).toContain('[w0b][wj1][w1b][w2b]concat=n=4:v=1:a=0,settb=1/30,setpts=N/(30*TB)[vseq]');
  });

  it('falls back to one xfade chain when a piece would be all transition', () => {
    const tight: LocalDraft = {
      ...promo,
      d: 1600,
      t: [{ id: 'v1', tt: 0, sg: [
        { id: 's1', s: 0, d: 1000, m: { src: 'med_1', name: 'clip1.mp4', kind: 'video', in: 0 } },
        { id: 's2', s: 200, d: 1000, m: { src: 'med_2', name: 'photo.jpg', kind: 'image', in: 0, tr: { type: 'fade', d: 800 } } },
        { id: 's3', s: 400, d: 1200, m: { src: 'med_3', name: 'screen.mp4', kind: 'video', in: 0, tr: { type: 'wipeleft', d: 800 } } },
      ] }],
    };
    const chained = graphOf(buildRenderCommand(req(tight), full, env).args);
    expect(chained.some((c) => c.includes('split='))).toBe(false);
    expect(chained).toContain('[vj0][v1]xfade=transition=fade:duration=0.8:offset=0.2[vj1]');
  });

  it('draws the title with the font file, only while it is on screen', () => {
    expect(graph).toContain(
      '[vseq]tpad=stop_mode=clone:stop_duration=0.067,drawtext=fontfile=/f/DejaVuSans-Bold.ttf:expansion=none:text=Spring\\ Sale:fontsize=97:fontcolor=white:borderw=7:bordercolor=black@0.6:x=(w-text_w)/2:y=(h-text_h)/2:enable=between(t\\,0\\,3)[vout]',
    );
  });

  it('gives silent pieces (stills, clips without sound) silence and crossfades audio under the transition', () => {
    expect(graph).toContain('[0:a]asetpts=PTS-STARTPTS,aresample=48000,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,apad,atrim=duration=4[aj0]');
    expect(graph).toContain('anullsrc=r=48000:cl=stereo,atrim=duration=3[a1]');
    expect(graph).toContain('anullsrc=r=48000:cl=stereo,atrim=duration=3[a2]');
    expect(graph).toContain('[aj0][a1]acrossfade=d=0.8[aj1]');
    expect(graph).toContain('[aj1][a2]concat=n=2:v=0:a=1[aseq]');
    expect(graph).toContain('[aseq]apad,atrim=duration=9.2[aclips]');
    expect(graph.some((c) => c.startsWith('[2:a]'))).toBe(false);
  });

  it('sets the music volume and fades, ducks it under the clips and sums both without normalising', () => {
    expect(graph).toContain(
      '[3:a]asetpts=PTS-STARTPTS,aresample=48000,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,volume=0.35,afade=t=in:st=0:d=0.5,afade=t=out:st=7.2:d=2,apad,atrim=duration=9.2[am0]',
    );
    expect(graph).toContain('[aclips]asplit=2[aclipsmix][aclipskey]');
    expect(graph).toContain('[amusic][aclipskey]sidechaincompress=threshold=0.03:ratio=8:attack=20:release=400[aducked]');
    expect(graph.slice(-1)[0]).toBe('[aclipsmixs][aduckeds]amerge=inputs=2,pan=stereo|c0=c0+c2|c1=c1+c3[aout]');
  });

  it('encodes H.264 High yuv420p + AAC 48 kHz stereo, faststart, cut to the draft length, into a .part file', () => {
    const line = args.join(' ');
    expect(line).toContain('-map [vout] -map [aout] -c:v libx264 -preset veryfast -crf 23 -profile:v high -pix_fmt yuv420p -r 30');
    expect(line).toContain('-c:a aac -b:a 160k -ar 48000 -ac 2 -t 9.2 -movflags +faststart -f mp4 -y /out/promo.mp4.part');
    expect(line).toContain('-progress pipe:1 -nostats');
  });
});

describe('buildRenderCommand on builds without xfade or sidechaincompress', () => {
  const graph = graphOf(buildRenderCommand(req(promo), { hasXfade: false, hasSidechaincompress: false }, env).args);

  it('crossfades by holding the outgoing picture under the incoming one fading in through alpha', () => {
    expect(graph).toContain('[w1h]format=yuva420p,fade=t=in:st=0:d=0.8:alpha=1[w1hf]');
    expect(graph).toContain('[w0t][w1hf]overlay=eof_action=pass:format=yuv420,format=yuv420p[wj1]');
    expect(graph.some((c) => c.includes('xfade'))).toBe(false);
  });

  it('lowers the music while clips with sound play instead of sidechain ducking', () => {
    expect(graph).toContain('[amusic]volume=0.35:enable=between(t\\,0\\,4)[aducked]');
    expect(graph.some((c) => c.includes('sidechaincompress'))).toBe(false);
  });
});

describe('buildRenderCommand edge cases', () => {
  it('refuses an empty draft with "Add media first"', () => {
    const empty: LocalDraft = { d: 0, m: { width: 1920, height: 1080, fps: 30 }, t: [] };
    const textOnly: LocalDraft = { d: 3000, m: { width: 1920, height: 1080, fps: 30 }, t: [{ id: 'x1', tt: 7, sg: [{ id: 's1', s: 0, d: 3000, m: { text: 'Hi', pos: 'center', role: 'title' } }] }] };
    for (const draft of [empty, textOnly]) {
      try {
        buildRenderCommand(req(draft), full, env);
        expect.unreachable('an empty draft must not render');
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).user.code).toBe('draft.empty');
        expect((err as AppError).user.message).toMatch(/Add media first/);
      }
    }
  });

  it('renders an audio-only draft over a black picture, with the music as the only sound', () => {
    const audioOnly: LocalDraft = { d: 5000, m: { width: 1080, height: 1080, fps: 25 }, t: [{ id: 'a1', tt: 1, sg: [{ id: 's1', s: 0, d: 5000, m: { src: 'med_9', name: 'song.mp3', in: 2000, vol: 0.8 } }] }] };
    const { args } = buildRenderCommand(req(audioOnly), full, env);
    const graph = graphOf(args);
    expect(graph[0]).toBe('color=c=black:s=1080x1080:r=25:d=5,format=yuv420p,setsar=1[vseq]');
    expect(graph).toContain('anullsrc=r=48000:cl=stereo,atrim=duration=5[aclips]');
    expect(inputsOf(args)).toEqual([['-ss', '2', '-t', '5', '-i', '/m/song.mp3']]);
    expect(graph.some((c) => c.includes('sidechaincompress'))).toBe(false);
  });

  it('loops music that is shorter than its slot and places a late start with adelay', () => {
    const short = new Map(media);
    short.set('med_9', { ...media.get('med_9')!, durationMs: 2000 });
    const draft: LocalDraft = {
      d: 4000, m: { width: 640, height: 360, fps: 30 }, t: [
        { id: 'v1', tt: 0, sg: [{ id: 's1', s: 0, d: 4000, m: { src: 'med_3', name: 'screen.mp4', kind: 'video', in: 0 } }] },
        { id: 'a1', tt: 1, sg: [{ id: 's2', s: 1000, d: 3000, m: { src: 'med_9', name: 'song.mp3', in: 0, vol: 1 } }] },
      ],
    };
    const { args } = buildRenderCommand({ ...req(draft), media: short }, full, env);
    expect(inputsOf(args)[1]).toEqual(['-stream_loop', '-1', '-t', '3', '-i', '/m/song.mp3']);
    expect(graphOf(args)).toContain('[1:a]asetpts=PTS-STARTPTS,aresample=48000,aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,volume=1,apad,atrim=duration=3,adelay=1000|1000,apad,atrim=duration=4[am0]');
  });

  it('uses the export size over the draft size and a prepared still when given', () => {
    const draft: LocalDraft = { d: 2000, m: { width: 1920, height: 1080, fps: 30 }, t: [{ id: 'v1', tt: 0, sg: [{ id: 's2', s: 0, d: 2000, m: { src: 'med_2', name: 'photo.jpg', kind: 'image', in: 0 } }] }] };
    const { args } = buildRenderCommand(req(draft, { size: { width: 1080, height: 1920 } }), full, { ...env, preparedStills: new Map([['s2', '/tmp/w/s2.png']]) });
    expect(inputsOf(args)).toEqual([['-i', '/tmp/w/s2.png']]);
    expect(graphOf(args)[0]).toBe('[0:v]setsar=1,format=yuv420p,loop=loop=59:size=1:start=0,setpts=N/(30*TB),fps=30[vseq]');
    const unprepared = buildRenderCommand(req(draft, { size: { width: 1080, height: 1920 } }), full, env);
    expect(graphOf(unprepared.args)[0]).toBe('[0:v]crop=1688:3000,scale=1080:1920,setsar=1,format=yuv420p,loop=loop=59:size=1:start=0,setpts=N/(30*TB),fps=30[vseq]');
  });

  it('fills a hole in the timeline with black and silence', () => {
    const draft: LocalDraft = {
      d: 5000, m: { width: 640, height: 360, fps: 30 }, t: [
        { id: 'v1', tt: 0, sg: [
          { id: 's1', s: 0, d: 2000, m: { src: 'med_1', name: 'clip1.mp4', kind: 'video', in: 0 } },
          { id: 's2', s: 3000, d: 2000, m: { src: 'med_1', name: 'clip1.mp4', kind: 'video', in: 0 } },
        ] },
      ],
    };
    const graph = graphOf(buildRenderCommand(req(draft), full, env).args);
    expect(graph).toContain('color=c=black:s=640x360:r=30:d=1,format=yuv420p,setsar=1[v1]');
    expect(graph).toContain('anullsrc=r=48000:cl=stereo,atrim=duration=1[a1]');
  });

  it('says which file is missing when a segment refers to unknown media', () => {
    const draft: LocalDraft = { d: 2000, m: { width: 640, height: 360, fps: 30 }, t: [{ id: 'v1', tt: 0, sg: [{ id: 's1', s: 0, d: 2000, m: { src: 'med_404', name: 'gone.mp4', kind: 'video', in: 0 } }] }] };
    expect(() => buildRenderCommand(req(draft), full, env)).toThrow(/gone\.mp4/);
  });
});
