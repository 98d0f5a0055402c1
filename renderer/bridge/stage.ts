/**
 * Turning dropped or picked File objects into local paths that `media.add` accepts. The desktop preload knows
 * each file's real path; a browser does not, so browser mode streams each file to the host's staging route.
 */
import { STAGE_NAME_HEADER, STAGE_PATH, WEB_SECRET_PARAM, stageResponseSchema } from '../../shared/bridge-wire';
import { AppError } from '../../shared/errors';

export type StageProgress = (index: number, loaded: number, total: number) => void;

function stageError(name: string, why: string): AppError {
  return new AppError({ code: 'media.stage-failed', message: `Could not read "${name}": ${why}` });
}

/** Desktop: paths straight from the preload (files that did not come from disk have none). */
export function pathsFromDesktop(files: File[], pathForFile: (file: File) => string, onProgress?: StageProgress): string[] {
  return files.map((file, index) => {
    const path = pathForFile(file);
    if (!path) throw stageError(file.name, 'it is not a file on this computer.');
    onProgress?.(index, file.size, file.size);
    return path;
  });
}

function uploadOne(file: File, url: string, onProgress: (loaded: number, total: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader(STAGE_NAME_HEADER, encodeURIComponent(file.name));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (ev) => onProgress(ev.loaded, ev.lengthComputable ? ev.total : file.size);
    xhr.onerror = () => reject(stageError(file.name, 'the upload to Video Builder failed.'));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        reject(stageError(file.name, `Video Builder refused it (HTTP ${xhr.status}).`));
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      const parsed = stageResponseSchema.safeParse(body);
      if (!parsed.success) {
        reject(stageError(file.name, 'Video Builder sent a reply we could not read.'));
        return;
      }
      onProgress(file.size, file.size);
      resolve(parsed.data.path);
    };
    xhr.send(file);
  });
}

/** Browser mode: one file at a time, so progress is meaningful and memory stays flat on the host. */
export async function stageThroughHost(
  files: File[],
  pageHref: string,
  secret: string | undefined,
  onProgress?: StageProgress,
): Promise<string[]> {
  const url = new URL(STAGE_PATH, pageHref);
  if (secret) url.searchParams.set(WEB_SECRET_PARAM, secret);
  const paths: string[] = [];
  for (const [index, file] of files.entries()) {
    paths.push(await uploadOne(file, url.toString(), (loaded, total) => onProgress?.(index, loaded, total)));
  }
  return paths;
}
