/** What every route handler gets: the engine's services and the request at hand. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EngineStore } from '../store/store';
import type { TokenRecord } from '../store/schema';
import type { EngineConfig, EnginePorts } from './ports';
import type { RenderJobs } from './render-jobs';
import type { RunRegistry } from './run-registry';

export interface EngineServices {
  store: EngineStore;
  ports: EnginePorts;
  config: EngineConfig;
  renders: RenderJobs;
  runs: RunRegistry;
  now: () => number;
  /** `http://127.0.0.1:<port>`, known once the server listens. */
  baseUrl: () => string;
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Captures of the route's pattern, URL-decoded. */
  params: string[];
  /** The bearer token's record (undefined only on routes that need none). */
  auth: TokenRecord | undefined;
  services: EngineServices;
}
