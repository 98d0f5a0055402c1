import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
// A file that reaches for raw IPC, as a renderer or core module might be tempted to.
const FIXTURE = `import { ipcMain, ipcRenderer } from 'electron';\nexport const leak = [ipcMain, ipcRenderer];\n`;

const eslint = new ESLint({ cwd: root });

async function restrictedImports(relativePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(FIXTURE, { filePath: path.join(root, relativePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the raw-IPC lint rule', () => {
  it('fires outside the two wrapper files', async () => {
    for (const file of ['main/core/fixture.ts', 'renderer/features/chat/fixture.tsx', 'main/desktop/window-fixture.ts']) {
      const messages = await restrictedImports(file);
      expect(messages, file).toHaveLength(2);
      expect(messages[0]).toContain('main/desktop/ipc.ts');
    }
  });

  it('allows main/desktop/ipc.ts and preload/index.ts', async () => {
    expect(await restrictedImports('main/desktop/ipc.ts')).toEqual([]);
    expect(await restrictedImports('preload/index.ts')).toEqual([]);
  });
});
