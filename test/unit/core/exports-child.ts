/**
 * A process that starts an export and keeps polling until it is killed (exports.test.ts SIGKILLs it mid-poll).
 * Usage: node --import tsx exports-child.ts <serverUrl> <homeDir> <outPath>
 */
import { ExportManager } from '../../../main/core/exports';
import { Sessions } from '../../../main/core/sessions';
import { createConfStore } from '../../../main/core/storage';
import { makeClient } from '../../support/core-harness';

const [url, home, outPath] = process.argv.slice(2);
if (!url || !home || !outPath) throw new Error('usage: exports-child <serverUrl> <homeDir> <outPath>');
const store = createConfStore(home);
const { client } = makeClient(url, { store });
const manager = new ExportManager({
  client,
  sessions: new Sessions(client, store),
  projectId: 'p1',
  store,
  pollIntervalMs: 20,
  onJob: (job) => process.stdout.write(`${JSON.stringify(job)}\n`),
});
await manager.start({ preset: 'square', outPath });
