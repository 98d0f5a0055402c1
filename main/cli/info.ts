/** `video-builder credits` and `video-builder state`: read-only looks at the current project's backend. */
import { appError } from '../../shared/errors';
import { readDraft, summarize } from '../../shared/draft';
import { creditsReply, creditsView } from '../core/app-replies';
import { getCredits, getState } from '../core/resources';
import { openBackend, openStore, readProject, resolveChoice, type BackendChoice } from './runtime';

export interface InfoIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
}

export async function runCredits(choice: BackendChoice, io: InfoIo): Promise<void> {
  const { home, store } = openStore(io.env);
  const { kind, apiUrl } = resolveChoice(choice, io.env, readProject(store));
  if (kind === 'local') {
    io.stdout(`${creditsReply({ kind: 'local' })}\n`);
    return;
  }
  const backend = await openBackend({ kind, apiUrl, home, store, env: io.env });
  try {
    io.stdout(`${creditsReply(creditsView('cloud', await getCredits(backend.client)))}\n`);
  } finally {
    await backend.close();
  }
}

export async function runState(choice: BackendChoice & { json?: boolean }, io: InfoIo): Promise<void> {
  const { home, store } = openStore(io.env);
  const project = readProject(store);
  if (!project) throw appError('unknown', 'There is no current project yet. Make one first: video-builder make <files…> -p "…"');
  const { kind, apiUrl } = resolveChoice({ backend: choice.backend ?? project.backend, apiUrl: choice.apiUrl ?? (project.backend === 'cloud' ? project.apiUrl : undefined) }, io.env, project);
  const backend = await openBackend({ kind, apiUrl, home, store, env: io.env });
  try {
    const state = await backend.sessions.withSession(project.projectId, (s) => getState(backend.client, s.session_id));
    const draft = state.state?.draft ?? {};
    io.stdout(choice.json ? `${JSON.stringify(draft, null, 2)}\n` : `${summarize(readDraft(draft))}\n`);
  } finally {
    await backend.close();
  }
}
